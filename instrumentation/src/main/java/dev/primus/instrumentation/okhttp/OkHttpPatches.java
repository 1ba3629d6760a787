package dev.primus.instrumentation.okhttp;

import dev.primus.instrumentation.boot.BootPatch;
import java.util.Collections;
import java.util.List;

/** The OkHttp method egress weaves. */
public final class OkHttpPatches {
    private OkHttpPatches() {
    }

    public static List<BootPatch> all() {
        return Collections.singletonList(
                BootPatch.enterExit("okhttp3/internal/connection/ConnectInterceptor", "intercept",
                        "(Lokhttp3/Interceptor$Chain;)Lokhttp3/Response;", 0, "dev/primus/bootstrap/EgressGate",
                        "enterOkHttp", "(Ljava/lang/Object;)V", "exitHttp").inAnyLoader());
    }
}
