package dev.primus.agent.boot;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.auth.AuthSetup;
import dev.primus.agent.control.ConfigWatcher;
import dev.primus.agent.control.KillSwitch;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.agent.control.WritablePolicy;
import dev.primus.agent.status.HookLedger;
import dev.primus.agent.status.StatusPublisher;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.GateInstallation;
import dev.primus.bootstrap.PrimusLog;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Environment;
import dev.primus.config.LoadResult;
import dev.primus.config.PrimusConfig;
import dev.primus.instrumentation.weaving.Patch;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Called by {@code AgentEntry} through the isolated class loader; see the package doc for the steps. */
public final class AgentInstaller {
    /** Exit status when {@code on_config_error: fail_closed} stops the JVM: EX_CONFIG from sysexits.h. */
    static final int CONFIG_ERROR_EXIT_STATUS = 78;
    /** How long the shutdown hook waits for the audit writer to drain. */
    static final long SHUTDOWN_DRAIN_MILLIS = 2000;
    /** How long the shutdown hook waits for missed hooks still being reported. */
    static final long HOOK_REPORT_DRAIN_MILLIS = 500;

    private AgentInstaller() {
    }

    public static void install(String arguments, Instrumentation instrumentation, boolean attached) {
        long startNanos = System.nanoTime();
        try {
            ConfigSource source = ConfigSource.locate(AgentArguments.parse(arguments).config(),
                    System.getProperty("primus.config"), System.getenv("PRIMUS_CONFIG"));
            LoadResult result = source.load(new ConfigLoader(Environment.PROCESS));
            if (!result.isValid()) {
                refuse(result, attached);
                return;
            }
            if (!GateInstallation.tryClaim()) {
                PrimusLog.warn("the agent is already installed in this JVM; this "
                        + (attached ? "attach" : "second -javaagent") + " does nothing");
                return;
            }
            AuthSetup auth;
            try {
                auth = Guards.bindAuth(result.config());
            } catch (AuthSetup.AuthSetupException invalid) {
                refuse(LoadResult.invalid(invalid.errors(), result.config().failClosed()), attached);
                return;
            }
            start(result.config(), auth, source, instrumentation, attached, startNanos);
        } catch (Throwable failure) {
            AgentFailures.record("start-up", failure);
            PrimusLog.error("the agent could not start (" + failure + "); the app runs without it");
        }
    }

    private static void start(final PrimusConfig config, AuthSetup auth, ConfigSource source, Instrumentation instrumentation,
                              final boolean attached, long startNanos) throws UnmodifiableClassException {
        AuditPipeline audit = AuditPipeline.create(config.service(), config.audit(), BuildInfo.version());
        if (!auditWritable(audit, config, attached)) {
            if (auth != null) {
                auth.close();
            }
            return;
        }
        AgentMetrics metrics = MetricsExport.forConfig(config.metrics());
        final LivePolicy live;
        try {
            live = LivePolicy.install(config, auth, audit, source, metrics);
        } catch (IllegalStateException notInstalled) {
            // A gate holds another installation's engine, or was initialized before the agent
            // could give it one: nothing of this start is woven, and the message says what holds.
            PrimusLog.error("this start installs nothing: " + notInstalled.getMessage());
            if (auth != null) {
                auth.close();
            }
            return;
        }
        // Initialised here, at a shallow stack: its first use may come at the bottom of a full one, and a
        // StackOverflowError in a class's initialiser leaves that class unusable for the JVM's life.
        AgentFailures.count();
        // Before any hook is woven: a kill file present at start-up holds from the first call on.
        String killPath = System.getenv("PRIMUS_KILL_FILE");
        File killFile = killPath == null || killPath.isEmpty() ? null : new File(killPath);
        if (killFile != null) {
            KillSwitch.watch(killFile, audit);
        }
        boolean policyWritable = WritablePolicy.check(source.file(), killFile, audit);
        List<Patch> patches = Guards.patches(config);
        HookLedger ledger = new HookLedger();
        for (Patch patch : patches) {
            ledger.armed(patch.hookName(), patch.bootOnly());
        }
        HookReport hooks = new HookReport(audit, config.mode().word(), ledger);
        try {
            PatchWeaving.install(instrumentation, patches, hooks);
        } catch (RuntimeException | UnmodifiableClassException | Error failure) {
            // The gates keep their engines (nothing can take them out), so whatever was woven
            // stays guarded; what was not woven is not. Said as it is, once.
            PrimusLog.error("weaving stopped part-way (" + failure + "); the hooks woven before it stay guarded, "
                    + "the rest are not");
            if (auth != null) {
                auth.close();
            }
            throw failure;
        }
        if (auth != null) {
            // Only now: the IdP fetches go through the woven HttpURLConnection and the egress gate.
            auth.startKeyFetching();
        }
        // Counted now: the JDK's methods woven by start-up; library hooks wait for their classes.
        final int jdkMethods = hooks.jdkMethodsWoven();
        final int libraryHooks = libraryHooks(patches);
        final long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        final long startedAt = System.currentTimeMillis();
        // Anonymous classes, not lambdas: the first lambda of a JVM bootstraps invokedynamic
        // machinery, tens of milliseconds premain would add to the app's start.
        audit.start(Arrays.<Callable<AuditEvent>>asList(
                new Callable<AuditEvent>() {
                    @Override
                    public AuditEvent call() {
                        return startedEvent(config, attached, jdkMethods, libraryHooks, elapsedMillis)
                                .timestampMillis(startedAt).build();
                    }
                },
                new Callable<AuditEvent>() {
                    @Override
                    public AuditEvent call() {
                        return configEvent(config).timestampMillis(startedAt).build();
                    }
                }));
        Runtime.getRuntime().addShutdownHook(new Thread(new Shutdown(audit, live, hooks, config.mode().word()),
                "primus-shutdown"));
        String startupLine = startupLine(config, source, attached, jdkMethods, libraryHooks, audit.sinkNames(), elapsedMillis);
        PrimusLog.info(startupLine);
        // The embedded default has no file to watch; the status bean then answers reload with that.
        ConfigWatcher watcher = source.isEmbeddedDefault() ? null
                : ConfigWatcher.watch(source.file().toPath(), live);
        MetricsExport.start(metrics, config.metrics(), audit, live, ledger, policyWritable);
        StatusPublisher.start(startupLine, live, watcher, audit, ledger, metrics == null ? null : metrics.registry());
        declareOpenDoors();
    }

    /**
     * Says what this JVM leaves open that no Java hook or seal closes, with the flag that closes
     * each ({@code OpenDoors}, Java 9+; Java 8 has no modules to seal the engines with).
     */
    @SuppressWarnings("unchecked")
    private static void declareOpenDoors() {
        List<String> doors;
        if (System.getProperty("java.specification.version", "").startsWith("1.")) {
            doors = Arrays.asList("Java 8 has no modules: code in the app can reach the agent's engines by reflection; "
                    + "run on Java 9 or later to seal them");
        } else {
            try {
                doors = (List<String>) Class.forName("dev.primus.agent.boot.OpenDoors").getDeclaredMethod("report").invoke(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
                AgentFailures.record("open doors report", failure);
                return;
            }
        }
        if (!doors.isEmpty()) {
            PrimusLog.warn("what the agent cannot stop in this JVM, and how to close it (see docs/threat-model.md, "
                    + "\"What the agent can and cannot stop\"):");
            for (String door : doors) {
                PrimusLog.warn("  - " + door);
            }
        }
    }

    /** Library hooks waiting for their classes: woven, or reported missing, as each loads. */
    private static int libraryHooks(List<Patch> patches) {
        int count = 0;
        for (Patch patch : patches) {
            if (!patch.bootOnly()) {
                count++;
            }
        }
        return count;
    }

    static AuditEvent.Builder startedEvent(PrimusConfig config, boolean attached, int jdkMethods, int libraryHooks,
                                           long elapsedMillis) {
        return AuditEvent.of("agent", "allowed")
                .mode(config.mode().word())
                .reason("started")
                .detail("version", BuildInfo.version())
                .detail("java", System.getProperty("java.version"))
                .detail("how", attached ? "attach" : "premain")
                .detail("jdk_methods_woven", Integer.toString(jdkMethods))
                .detail("library_hooks_armed", Integer.toString(libraryHooks))
                .detail("startup_ms", Long.toString(elapsedMillis));
    }

    static AuditEvent.Builder configEvent(PrimusConfig config) {
        return configEvent(config, "allowed", "loaded");
    }

    /** A {@code config} event naming the file, its hash and each guard's mode; never a value from it. */
    static AuditEvent.Builder configEvent(PrimusConfig config, String outcome, String reason) {
        return AuditEvent.of("config", outcome)
                .mode(config.mode().word())
                .reason(reason)
                .detail("source", config.source())
                .detail("sha256", config.sha256())
                .detail("egress", config.egress().mode().word())
                .detail("logging", config.masking().mode().word())
                .detail("auth", config.auth().mode().word());
    }

    static String startupLine(PrimusConfig config, ConfigSource source, boolean attached, int jdkMethods, int libraryHooks,
                              List<String> sinks, long elapsedMillis) {
        StringBuilder line = new StringBuilder("Primus Agent ").append(BuildInfo.version())
                .append(attached ? " attached" : " started").append(" in ").append(elapsedMillis).append(" ms: config ")
                .append(config.source());
        if (!source.isEmbeddedDefault()) {
            line.append(" (from ").append(source.foundBy()).append(')');
        }
        line.append("; service ").append(config.serviceAsWritten())
                .append("; egress=").append(config.egress().mode().word())
                .append("; masking=").append(config.masking().mode().word())
                .append("; auth=").append(config.auth().mode().word())
                .append("; audit to ").append(sinks.isEmpty() ? "nowhere" : String.join(", ", sinks))
                .append("; ").append(jdkMethods).append(jdkMethods == 1 ? " JDK method" : " JDK methods").append(" woven, ")
                .append(libraryHooks).append(libraryHooks == 1 ? " library hook" : " library hooks").append(" armed");
        return line.toString();
    }

    /**
     * Whether the agent may go on with this trail: every local sink can be opened, or
     * {@code audit.on_failure} is {@code continue} (each one that cannot is a WARN). With
     * {@code fail_closed} the JVM stops, as for an invalid config, or an attach loads nothing.
     */
    private static boolean auditWritable(AuditPipeline audit, PrimusConfig config, boolean attached) {
        List<String> unwritable = audit.unwritableSinks();
        for (String sink : unwritable) {
            if (config.audit().failClosed()) {
                PrimusLog.error("audit sink " + sink);
            } else {
                PrimusLog.warn("audit sink " + sink + "; its events are lost until it can be written, counted and "
                        + "reported to the other sinks (audit.on_failure: continue)");
            }
        }
        if (unwritable.isEmpty() || !config.audit().failClosed()) {
            return true;
        }
        if (!attached) {
            PrimusLog.error("audit.on_failure: fail_closed: the trail cannot be written; stopping the JVM with exit status "
                    + CONFIG_ERROR_EXIT_STATUS);
            System.exit(CONFIG_ERROR_EXIT_STATUS);
        }
        PrimusLog.error("audit.on_failure: fail_closed: the trail cannot be written; this attach loads nothing and the "
                + "running JVM goes on without the agent");
        return false;
    }

    private static void refuse(LoadResult result, boolean attached) {
        List<ConfigError> errors = result.errors();
        PrimusLog.error("config " + errors.get(0).file() + " is invalid (" + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "); the agent installs nothing:");
        for (ConfigError error : errors) {
            PrimusLog.error("  " + error);
        }
        if (result.failClosed() && !attached) {
            PrimusLog.error("on_config_error: fail_closed: stopping the JVM with exit status " + CONFIG_ERROR_EXIT_STATUS);
            System.exit(CONFIG_ERROR_EXIT_STATUS);
        }
        if (result.failClosed()) {
            PrimusLog.error("on_config_error: fail_closed is not applied to an attach: the running JVM goes on without the agent");
        } else {
            PrimusLog.error("the app runs without the agent; fix the file and restart, or set on_config_error: fail_closed "
                    + "to stop instead");
        }
    }

    /**
     * Drains the audit trail when the JVM stops, within a bounded wait: first what the hook report
     * still has to say (a short-lived app may end before its missed hooks are told), then the trail.
     */
    private static final class Shutdown implements Runnable {
        private final AuditPipeline audit;
        private final LivePolicy live;
        private final HookReport hooks;
        private final String mode;

        Shutdown(AuditPipeline audit, LivePolicy live, HookReport hooks, String mode) {
            this.audit = audit;
            this.live = live;
            this.hooks = hooks;
            this.mode = mode;
        }

        @Override
        public void run() {
            try {
                AuthSetup auth = live.authSetup();
                if (auth != null) {
                    auth.close();
                }
                hooks.drain(HOOK_REPORT_DRAIN_MILLIS);
                // Written last, after the guards' final counts and what was still queued.
                audit.shutdown(AuditEvent.of("agent", "allowed")
                        .mode(mode)
                        .reason("stopped")
                        .detail("agent_failures", Long.toString(AgentFailures.count()))
                        .build(), SHUTDOWN_DRAIN_MILLIS);
            } catch (Throwable failure) {
                AgentFailures.record("shutdown", failure);
            }
        }
    }
}
