package dev.primus.agent.boot;

import dev.primus.agent.auth.AuthSetup;
import dev.primus.config.Mode;
import dev.primus.config.PrimusConfig;
import dev.primus.instrumentation.weaving.Patch;
import dev.primus.instrumentation.accesslog.AccessLogPatches;
import dev.primus.instrumentation.apachehttp4.ApacheHttp4Patches;
import dev.primus.instrumentation.apachehttp5.ApacheHttp5Patches;
import dev.primus.instrumentation.jdk.httpclient.HttpClientPatches;
import dev.primus.instrumentation.jdk.lang.ThrowablePatches;
import dev.primus.instrumentation.jdk.net.JdkNetPatches;
import dev.primus.instrumentation.jul.JulPatches;
import dev.primus.instrumentation.log4j1.Log4j1Patches;
import dev.primus.instrumentation.log4j2.Log4j2Patches;
import dev.primus.instrumentation.logback.LogbackPatches;
import dev.primus.instrumentation.netty.NettyPatches;
import dev.primus.instrumentation.okhttp.OkHttpPatches;
import dev.primus.instrumentation.servlet.ServletPatches;
import dev.primus.instrumentation.slf4jsimple.Slf4jSimplePatches;
import dev.primus.instrumentation.spring.SpringMvcPatches;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What each guard needs woven, and its auth section bound; {@link LivePolicy} makes the engines. */
final class Guards {
    private Guards() {
    }

    /** The JDK and library methods to weave for the guards this config runs. */
    static List<Patch> patches(PrimusConfig config) {
        List<Patch> patches = new ArrayList<Patch>();
        if (config.egress().mode() != Mode.OFF) {
            patches.addAll(JdkNetPatches.all());
            patches.addAll(HttpClientPatches.all());
            patches.addAll(OkHttpPatches.all());
            patches.addAll(ApacheHttp4Patches.all());
            patches.addAll(ApacheHttp5Patches.all());
            patches.addAll(NettyPatches.all());
            if (config.egress().dnsEnforce()) {
                patches.addAll(JdkNetPatches.dns());
            }
        }
        if (config.masking().mode() != Mode.OFF) {
            patches.addAll(LogbackPatches.all());
            patches.addAll(Log4j2Patches.all());
            patches.addAll(JulPatches.all());
            patches.addAll(Log4j1Patches.all());
            patches.addAll(Slf4jSimplePatches.all());
            patches.addAll(AccessLogPatches.all());
            patches.addAll(ThrowablePatches.all());
        }
        if (config.auth().mode() != Mode.OFF) {
            patches.addAll(ServletPatches.all());
            patches.addAll(SpringMvcPatches.all());
        }
        return patches;
    }

    /**
     * The auth section bound to its engine, or null when auth is off.
     *
     * @throws AuthSetup.AuthSetupException naming every problem as {@code FILE:LINE: path: message}
     */
    static AuthSetup bindAuth(PrimusConfig config) {
        return config.auth().mode() == Mode.OFF ? null
                : AuthSetup.bind(config.auth(), config.source(), Clock.systemUTC());
    }
}
