package dev.primus.instrumentation.jdk.httpclient;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/** The java.net.http methods egress weaves; the module's classes come from the platform loader. */
public final class HttpClientPatches {
    private static final String PACKAGE = "jdk/internal/net/http/";
    private static final String EXCHANGE = "L" + PACKAGE + "Exchange;";
    private static final String FUTURE = "Ljava/util/concurrent/CompletableFuture;";
    private static final String GATE = "dev/primus/bootstrap/EgressGate";

    private HttpClientPatches() {
    }

    public static List<Patch> all() {
        return Arrays.asList(
                requestUri(Patch.failAsFuture(PACKAGE + "ExchangeImpl", "get",
                        "(" + EXCHANGE + "L" + PACKAGE + "HttpConnection;)" + FUTURE, 0, GATE, "httpClientDenial",
                        "(Ljava/net/URI;)Ldev/primus/bootstrap/EgressDeniedException;", "java/util/concurrent/CompletableFuture",
                        "failedFuture", "(Ljava/lang/Throwable;)" + FUTURE)),
                requestUri(Patch.enterExit(PACKAGE + "PlainHttpConnection", "connectAsync", "(" + EXCHANGE + ")" + FUTURE,
                        0, GATE, "enterHttpClient", "(Ljava/net/URI;)V", "exitHttp")));
    }

    /** {@code exchange.request().uri()}, read by the woven code inside the module. */
    private static Patch requestUri(Patch patch) {
        return patch.argumentVia(PACKAGE + "Exchange", "request", "()L" + PACKAGE + "HttpRequestImpl;")
                .argumentVia(PACKAGE + "HttpRequestImpl", "uri", "()Ljava/net/URI;")
                .inAnyLoader();
    }
}
