package dev.primus.instrumentation.apachehttp4;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Collections;
import java.util.List;

/** The Apache HttpClient 4 method egress weaves. */
public final class ApacheHttp4Patches {
    private ApacheHttp4Patches() {
    }

    public static List<Patch> all() {
        return Collections.singletonList(
                Patch.enterExit("org/apache/http/impl/execchain/MainClientExec", "execute",
                        "(Lorg/apache/http/conn/routing/HttpRoute;Lorg/apache/http/client/methods/HttpRequestWrapper;"
                                + "Lorg/apache/http/client/protocol/HttpClientContext;"
                                + "Lorg/apache/http/client/methods/HttpExecutionAware;)"
                                + "Lorg/apache/http/client/methods/CloseableHttpResponse;",
                        0, "dev/primus/bootstrap/EgressGate", "enterApacheHttp",
                        "(Ljava/lang/Object;Ljava/lang/Object;)V", "exitHttp")
                        .alsoPassing(1).inAnyLoader());
    }
}
