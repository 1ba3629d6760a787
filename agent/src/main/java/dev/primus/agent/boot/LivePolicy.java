package dev.primus.agent.boot;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.auth.AuthSetup;
import dev.primus.agent.auth.RequestAuthenticator;
import dev.primus.agent.control.ConfigWatcher;
import dev.primus.agent.egress.EgressGuard;
import dev.primus.agent.egress.EgressJudge;
import dev.primus.agent.egress.EgressPolicy;
import dev.primus.agent.egress.EgressRules;
import dev.primus.agent.logging.LoggingGuard;
import dev.primus.agent.logging.MaskingReport;
import dev.primus.agent.masking.Masker;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.agent.servlet.AuthGuard;
import dev.primus.agent.servlet.AuthPolicy;
import dev.primus.bootstrap.GateInstallation;
import dev.primus.bootstrap.PrimusLog;
import dev.primus.config.ConfigBindingException;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Environment;
import dev.primus.config.LoadResult;
import dev.primus.config.Mode;
import dev.primus.config.PrimusConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The guards' engines and the policy they run now, and how a reload replaces that policy.
 *
 * <p>The engines are made once, at start-up, and handed to their gates for the life of the JVM
 * (a guard that is off then gets none, and none of its hooks is woven). Each engine holds its
 * part of the policy as one immutable object in a volatile field, read once per decision; a
 * reload builds every part of the new generation first, and only when all of them bound does it
 * swap them in. An invalid edit is refused with the same {@code FILE:LINE} errors as at start-up,
 * and the running policy stays. What a reload cannot do (weave the hooks of a guard that was off
 * at start-up, reopen the audit sinks) is said in its {@code config} event.
 */
final class LivePolicy implements ConfigWatcher.Target {
    private final ConfigSource source;
    private final AuditPipeline audit;
    private final PrimusConfig started;
    /** Null when egress was off at start-up: nothing of it is woven. Likewise for the other two. */
    private final EgressJudge egress;
    private final LoggingGuard logging;
    private final MaskingReport maskingReport;
    private final AuthGuard auth;
    /** Null when metrics are off. */
    private final AgentMetrics metrics;
    /** Guarded by this: what is in force now. */
    private PrimusConfig config;
    private AuthSetup authSetup;
    private volatile long generation = 1;

    private LivePolicy(ConfigSource source, AuditPipeline audit, PrimusConfig config, AuthSetup authSetup,
                       EgressJudge egress, LoggingGuard logging, MaskingReport maskingReport, AuthGuard auth,
                       AgentMetrics metrics) {
        this.metrics = metrics;
        this.source = source;
        this.audit = audit;
        this.started = config;
        this.config = config;
        this.authSetup = authSetup;
        this.egress = egress;
        this.logging = logging;
        this.maskingReport = maskingReport;
        this.auth = auth;
    }

    /**
     * Gives each gate its engine, once for the life of the JVM (null for a guard that is off).
     *
     * @throws IllegalStateException when a gate was initialized before this, and so has no engine
     */
    static LivePolicy install(PrimusConfig config, AuthSetup authSetup, AuditPipeline audit, ConfigSource source,
                              AgentMetrics metrics) {
        LivePolicy live = create(config, authSetup, audit, source, metrics);
        GateInstallation.install(live.egress == null ? null : new EgressGuard(live.egress), live.logging, live.auth);
        return live;
    }

    /** The engines for {@code config}, not yet in any gate: {@link #install} gives them out; tests drive them. */
    static LivePolicy create(PrimusConfig config, AuthSetup authSetup, AuditPipeline audit, ConfigSource source,
                             AgentMetrics metrics) {
        EgressJudge egress = null;
        if (config.egress().mode() != Mode.OFF) {
            egress = new EgressJudge(egressRules(config), audit, metrics);
        }
        LoggingGuard logging = null;
        MaskingReport maskingReport = null;
        if (config.masking().mode() != Mode.OFF) {
            Masker masker = Masker.from(config.masking());
            logging = new LoggingGuard(masker, config.masking().mode() == Mode.ENFORCE, metrics);
            maskingReport = new MaskingReport(masker, config.masking());
            audit.addReport(maskingReport);
        }
        AuthGuard auth = null;
        if (authSetup != null) {
            auth = new AuthGuard(authPolicy(config, authSetup, config.service()), audit, metrics);
        }
        return new LivePolicy(source, audit, config, authSetup, egress, logging, maskingReport, auth, metrics);
    }

    EgressJudge egress() {
        return egress;
    }

    LoggingGuard logging() {
        return logging;
    }

    AuthGuard auth() {
        return auth;
    }

    /** Null when masking was off at start-up. */
    MaskingReport maskingReport() {
        return maskingReport;
    }

    /** The config in force now. */
    synchronized PrimusConfig config() {
        return config;
    }

    /** The auth section bound now, or null: what the shutdown closes. */
    synchronized AuthSetup authSetup() {
        return authSetup;
    }

    /** 1 at start-up, one more for each reload that changed something. */
    long generation() {
        return generation;
    }

    @Override
    public String loadedSha256() {
        return config().sha256();
    }

    @Override
    public String inForce() {
        PrimusConfig now = config();
        return "config " + now.source() + " sha256 " + now.sha256() + " generation " + generation;
    }

    @Override
    public synchronized ConfigWatcher.Reload reload(String why, boolean reread) {
        LoadResult result = source.load(new ConfigLoader(Environment.PROCESS));
        if (!result.isValid()) {
            return refused(why, result.errors());
        }
        PrimusConfig next = result.config();
        List<String> changes = PolicyChanges.between(config, next);
        if (changes.isEmpty() && reread) {
            changes.add("none in the file; the files it names were read again");
        } else if (changes.isEmpty()) {
            counted("unchanged");
            return new ConfigWatcher.Reload(true, "config " + next.source() + " reloaded (" + why
                    + "): nothing changed; generation " + generation + " stays in force");
        }
        Generation built;
        try {
            built = build(next);
        } catch (ConfigBindingException invalid) {
            return refused(why, invalid.errors());
        } catch (IllegalArgumentException invalid) {
            return refused(why, java.util.Collections.singletonList(
                    new ConfigError(next.source(), 1, "(top level)", invalid.getMessage())));
        }
        swapIn(next, built);
        long now = ++generation;
        // Counted before it is announced: whoever reads the announcement finds the reload counted.
        counted("applied");
        List<String> notLive = notLive(next);
        String summary = "config " + next.source() + " reloaded (" + why + "): generation " + now + " in force; changed: "
                + String.join("; ", changes) + (notLive.isEmpty() ? "" : "; not live: " + String.join("; ", notLive));
        PrimusLog.info(summary);
        AuditEvent.Builder event = AgentInstaller.configEvent(next, "allowed", "reloaded")
                .detail("generation", Long.toString(now))
                .detail("trigger", why)
                .detail("changed", String.join("; ", changes));
        if (!notLive.isEmpty()) {
            event.detail("not_live", String.join("; ", notLive));
        }
        audit.offer(event.build());
        return new ConfigWatcher.Reload(true, summary);
    }

    private void counted(String result) {
        if (metrics != null) {
            metrics.configReload(result);
        }
    }

    /** Every part of a new generation, bound before any is put in force. */
    private static final class Generation {
        EgressRules egress;
        Masker masker;
        AuthSetup authSetup;
    }

    private Generation build(PrimusConfig next) {
        Generation built = new Generation();
        if (egress != null && next.egress().mode() != Mode.OFF) {
            built.egress = egressRules(next);
        }
        if (logging != null && next.masking().mode() != Mode.OFF) {
            built.masker = Masker.from(next.masking());
        }
        if (auth != null && next.auth().mode() != Mode.OFF) {
            // Last: it is the one part that holds resources (JWK fetches, Redis connections).
            built.authSetup = AuthSetup.bind(next.auth(), next.source(), Clock.systemUTC(), authSetup);
        }
        return built;
    }

    private void swapIn(PrimusConfig next, Generation built) {
        if (egress != null) {
            egress.apply(built.egress != null ? built.egress : offRules(next));
        }
        if (logging != null) {
            logging.apply(built.masker, next.masking().mode() == Mode.ENFORCE);
            maskingReport.apply(built.masker, next.masking());
        }
        if (auth != null) {
            auth.apply(authPolicy(next, built.authSetup, started.service()));
            if (built.authSetup != null) {
                built.authSetup.startKeyFetching();
            }
            if (authSetup != null) {
                authSetup.retire(built.authSetup);
            }
            authSetup = built.authSetup;
        }
        config = next;
    }

    /** What the new file asks for that only a restart gives. */
    private List<String> notLive(PrimusConfig next) {
        List<String> notLive = new ArrayList<String>();
        String restart = " was off at start-up, so its hooks are not woven; restart the JVM to turn it on";
        if (egress == null && next.egress().mode() != Mode.OFF) {
            notLive.add("egress" + restart);
        } else if (egress != null && next.egress().mode() != Mode.OFF && next.egress().dnsEnforce()
                && !started.egress().dnsEnforce()) {
            notLive.add("egress.dns: enforce" + restart);
        }
        if (logging == null && next.masking().mode() != Mode.OFF) {
            notLive.add("logging" + restart);
        }
        if (auth == null && next.auth().mode() != Mode.OFF) {
            notLive.add("auth" + restart);
        }
        for (String section : PolicyChanges.startOnly(started, next)) {
            notLive.add(section + " takes effect at the next start");
        }
        return notLive;
    }

    private ConfigWatcher.Reload refused(String why, List<ConfigError> errors) {
        String head = "config " + errors.get(0).file() + " is invalid (" + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "); the reload (" + why + ") is refused and generation "
                + generation + " stays in force:";
        counted("refused");
        PrimusLog.error(head);
        List<String> lines = new ArrayList<String>();
        for (ConfigError error : errors) {
            PrimusLog.error("  " + error);
            lines.add(error.toString());
        }
        audit.offer(AgentInstaller.configEvent(config, "denied", "reload_refused")
                .detail("generation", Long.toString(generation))
                .detail("trigger", why)
                .detail("errors", String.join("; ", lines))
                .build());
        return new ConfigWatcher.Reload(false, head + "\n  " + String.join("\n  ", lines));
    }

    private static EgressRules egressRules(PrimusConfig config) {
        return new EgressRules(new EgressPolicy(config.egress()), config.egress().mode(), config.egress().failClosed(),
                config.source());
    }

    /** Rules that judge nothing: egress turned off by a reload. */
    private static EgressRules offRules(PrimusConfig config) {
        return new EgressRules(new EgressPolicy(config.egress()), Mode.OFF, false, config.source());
    }

    private static AuthPolicy authPolicy(PrimusConfig config, AuthSetup setup, String realm) {
        return new AuthPolicy(setup == null ? null : new RequestAuthenticator(setup, realm), setup == null ? Mode.OFF
                : config.auth().mode(), config.auth().auditSuccess(), config.auth().maxBodyBytes());
    }
}
