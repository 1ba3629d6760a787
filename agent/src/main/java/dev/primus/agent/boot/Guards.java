package dev.primus.agent.boot;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.auth.AuthSetup;
import dev.primus.agent.auth.RequestAuthenticator;
import dev.primus.agent.egress.EgressGuard;
import dev.primus.agent.egress.EgressJudge;
import dev.primus.agent.egress.EgressPolicy;
import dev.primus.agent.logging.LoggingGuard;
import dev.primus.agent.logging.MaskingReport;
import dev.primus.agent.masking.Masker;
import dev.primus.agent.servlet.AuthGuard;
import dev.primus.bootstrap.AuthGate;
import dev.primus.bootstrap.EgressGate;
import dev.primus.bootstrap.GateInstallation;
import dev.primus.bootstrap.LogMasking;
import dev.primus.config.Mode;
import dev.primus.config.PrimusConfig;
import dev.primus.instrumentation.weaving.Patch;
import dev.primus.instrumentation.apachehttp4.ApacheHttp4Patches;
import dev.primus.instrumentation.apachehttp5.ApacheHttp5Patches;
import dev.primus.instrumentation.jdk.httpclient.HttpClientPatches;
import dev.primus.instrumentation.jdk.lang.ThrowablePatches;
import dev.primus.instrumentation.jdk.net.JdkNetPatches;
import dev.primus.instrumentation.jul.JulPatches;
import dev.primus.instrumentation.log4j2.Log4j2Patches;
import dev.primus.instrumentation.logback.LogbackPatches;
import dev.primus.instrumentation.netty.NettyPatches;
import dev.primus.instrumentation.okhttp.OkHttpPatches;
import dev.primus.instrumentation.servlet.ServletPatches;
import dev.primus.instrumentation.spring.SpringMvcPatches;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wires each guard's engine into its bootstrap gate, before any hook can call the gate. */
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

    /**
     * Gives each gate its engine, once for the life of the JVM (null for a guard that is off).
     *
     * @throws IllegalStateException when a gate was initialized before this, and so has no engine
     */
    static void install(PrimusConfig config, AuthSetup auth, AuditPipeline audit) {
        EgressGate.Checker egress = null;
        if (config.egress().mode() != Mode.OFF) {
            egress = new EgressGuard(new EgressJudge(new EgressPolicy(config.egress()), config.egress().mode(),
                    config.egress().failClosed(), config.source(), audit));
        }
        LogMasking.Checker masking = null;
        if (config.masking().mode() != Mode.OFF) {
            Masker masker = Masker.from(config.masking());
            masking = new LoggingGuard(masker, config.masking().mode() == Mode.ENFORCE);
            audit.addReport(new MaskingReport(masker, config.masking()));
        }
        AuthGate.Checker authGuard = null;
        if (auth != null) {
            authGuard = new AuthGuard(new RequestAuthenticator(auth, config.service()), config.auth().mode(),
                    config.auth().auditSuccess(), config.auth().maxBodyBytes(), audit);
        }
        GateInstallation.install(egress, masking, authGuard);
    }
}
