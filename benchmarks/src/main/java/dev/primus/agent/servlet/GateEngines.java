package dev.primus.agent.servlet;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.auth.AuthSetup;
import dev.primus.agent.auth.RequestAuthenticator;
import dev.primus.bootstrap.GateInstallation;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import dev.primus.config.PrimusConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;

/** The auth guard a benchmark's config describes, put at the servlet gate as the agent would. */
final class GateEngines {
    private GateEngines() {
    }

    /**
     * Installs the guard of {@code yaml}'s auth and audit sections, once per fork (a gate takes its
     * engine for the life of the JVM), and returns its started audit pipeline for the benchmark to shut down.
     */
    static AuditPipeline installAuth(String yaml) {
        LoadResult result = new ConfigLoader(name -> null).load("bench.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new IllegalStateException(result.errors().toString());
        }
        PrimusConfig config = result.config();
        AuditPipeline audit = AuditPipeline.create("bench", config.audit()).start(Collections.emptyList());
        AuthSetup setup = AuthSetup.bind(config.auth(), "bench.yaml", Clock.systemUTC());
        GateInstallation.install(null, null, new AuthGuard(new AuthPolicy(new RequestAuthenticator(setup, "bench"),
                config.auth().mode(), config.auth().auditSuccess(), config.auth().maxBodyBytes()), audit, null));
        return audit;
    }
}
