package dev.primus.instrumentation.apachehttp5;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/**
 * The Apache HttpClient 5 methods egress weaves: the classic and async connect steps of the exec
 * chain, and for the async client the two places of HttpCore's I/O reactor that carry the judged
 * URL from the requesting thread to the reactor thread that opens the socket.
 */
public final class ApacheHttp5Patches {
    private ApacheHttp5Patches() {
    }

    private static final String GATE = "dev/primus/bootstrap/EgressGate";
    private static final String REACTOR = "org/apache/hc/core5/reactor/";

    public static List<Patch> all() {
        return Arrays.asList(
                Patch.enterExit("org/apache/hc/client5/http/impl/classic/ConnectExec", "execute",
                        "(Lorg/apache/hc/core5/http/ClassicHttpRequest;Lorg/apache/hc/client5/http/classic/ExecChain$Scope;"
                                + "Lorg/apache/hc/client5/http/classic/ExecChain;)Lorg/apache/hc/core5/http/ClassicHttpResponse;",
                        0, GATE, "enterApacheHttp5", "(Ljava/lang/Object;Ljava/lang/Object;)V", "exitHttp")
                        .alsoPassing(1).inAnyLoader(),
                Patch.enterExit("org/apache/hc/client5/http/impl/async/AsyncConnectExec", "execute",
                        "(Lorg/apache/hc/core5/http/HttpRequest;Lorg/apache/hc/core5/http/nio/AsyncEntityProducer;"
                                + "Lorg/apache/hc/client5/http/async/AsyncExecChain$Scope;"
                                + "Lorg/apache/hc/client5/http/async/AsyncExecChain;"
                                + "Lorg/apache/hc/client5/http/async/AsyncExecCallback;)V",
                        0, GATE, "enterApacheHttp5", "(Ljava/lang/Object;Ljava/lang/Object;)V", "exitHttp")
                        .alsoPassing(2).inAnyLoader(),
                // A connect request made while a judged URL is in scope remembers it...
                Patch.filterStores(REACTOR + "IOSessionRequest", "remoteEndpoint", "Lorg/apache/hc/core5/net/NamedEndpoint;",
                        GATE, "judgedEndpoint", "(Ljava/lang/Object;)Ljava/lang/Object;").inAnyLoader(),
                // ...and the reactor thread that opens its socket carries it while it does.
                Patch.enterExit(REACTOR + "SingleCoreIOReactor", "processConnectionRequest",
                        "(Ljava/nio/channels/SocketChannel;L" + REACTOR + "IOSessionRequest;)V", 1, GATE,
                        "enterApacheReactorConnect", "(Ljava/lang/Object;)V", "exitHttp").inAnyLoader());
    }
}
