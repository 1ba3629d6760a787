package dev.primus.instrumentation.apachehttp5;

import dev.primus.instrumentation.boot.BootPatch;
import java.util.Collections;
import java.util.List;

/** The Apache HttpClient 5 classic method egress weaves: ConnectExec, which opens connections. */
public final class ApacheHttp5Patches {
    private ApacheHttp5Patches() {
    }

    public static List<BootPatch> all() {
        return Collections.singletonList(
                BootPatch.enterExit("org/apache/hc/client5/http/impl/classic/ConnectExec", "execute",
                        "(Lorg/apache/hc/core5/http/ClassicHttpRequest;Lorg/apache/hc/client5/http/classic/ExecChain$Scope;"
                                + "Lorg/apache/hc/client5/http/classic/ExecChain;)Lorg/apache/hc/core5/http/ClassicHttpResponse;",
                        0, "dev/primus/bootstrap/EgressGate", "enterApacheHttp5",
                        "(Ljava/lang/Object;Ljava/lang/Object;)V", "exitHttp")
                        .alsoPassing(1).inAnyLoader());
    }
}
