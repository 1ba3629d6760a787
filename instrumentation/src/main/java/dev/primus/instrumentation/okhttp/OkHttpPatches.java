package dev.primus.instrumentation.okhttp;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/** The OkHttp methods egress weaves: the same for 3.x, 4.x and 5.x, plus 5.x's connect plan. */
public final class OkHttpPatches {
    private OkHttpPatches() {
    }

    public static List<Patch> all() {
        return Arrays.asList(
                Patch.enterExit("okhttp3/internal/connection/ConnectInterceptor", "intercept",
                        "(Lokhttp3/Interceptor$Chain;)Lokhttp3/Response;", 0, "dev/primus/bootstrap/EgressGate",
                        "enterOkHttp", "(Ljava/lang/Object;)V", "exitHttp").inAnyLoader(),
                Patch.enterExit("okhttp3/internal/connection/ConnectPlan", "connectTcp",
                        "()Lokhttp3/internal/connection/RoutePlanner$ConnectResult;", "dev/primus/bootstrap/EgressGate",
                        "enterOkHttpConnect", "(Ljava/lang/Object;)V", "exitHttp").inAnyLoader());
    }
}
