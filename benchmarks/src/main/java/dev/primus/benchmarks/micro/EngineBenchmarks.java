package dev.primus.benchmarks.micro;

import dev.primus.agent.auth.AuthDecisionBenchmark;
import dev.primus.agent.egress.EgressDecisionBenchmark;
import dev.primus.agent.egress.HttpClientEntryBenchmark;
import dev.primus.agent.ratelimit.RateLimiterBenchmark;
import dev.primus.agent.servlet.ServletEntryBenchmark;
import dev.primus.agent.servlet.SpringRequestBenchmark;
import dev.primus.benchmarks.AuditEnqueueBenchmark;
import dev.primus.benchmarks.LogbackCallBenchmark;
import dev.primus.benchmarks.MaskingBenchmark;
import dev.primus.benchmarks.SocketConnectBenchmark;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite: every engine's JMH benchmark methods, what each measures, which are clean paths, and
 * which pairs are compared in the same run. A benchmark added to an engine goes here too.
 *
 * <p>A clean path is the work the agent does on almost every call: a decision with nothing to deny,
 * a log line with nothing to mask. docs/architecture.md: "Hot paths allocate nothing when nothing
 * is found", so a clean path that allocates fails the run. Not clean: first-time work that is
 * then cached (an uncached egress decision, a first-seen JWT), work that must allocate or hash per
 * call (an API key's SHA-256, a webhook's HMAC, a Redis round trip), text with values to mask, an
 * audit event (built only for a denial or a first use, and handed to another thread, so it is an
 * object by necessity), and the baselines.
 *
 * <p>The pairs, a guarded path divided by its baseline: the judge over the policy's cached
 * decision, metrics over no metrics, the masking engine over the same detectors as a
 * {@code java.util.regex} list, the audit offer over Log4j2's and Logback's async loggers, and a
 * Logback call and a loopback connect in a JVM with the agent over one without it.
 */
final class EngineBenchmarks {
    /** What {@code LogbackCallBenchmark.main} attaches: masking enforced with every default detector. */
    static final AgentRun LOGBACK_MASKING = new AgentRun("logback-masking", String.join("\n",
            "service: bench",
            "mode: enforce",
            "egress:",
            "  mode: \"off\"",
            "logging:",
            "  masking:",
            "    mode: enforce",
            "audit:",
            "  sinks:",
            "    - type: file",
            "      path: /dev/null",
            ""));
    /** What {@code SocketConnectBenchmark.main} attaches: egress enforced, loopback allowed. */
    static final AgentRun SOCKET_EGRESS = new AgentRun("socket-egress", String.join("\n",
            "service: bench",
            "mode: enforce",
            "egress:",
            "  default: deny",
            "  allow:",
            "    - cidr: 127.0.0.0/8",
            "audit:",
            "  sinks:",
            "    - type: file",
            "      path: /dev/null",
            ""));
    /** The classpath carries log4j-to-slf4j (Spring Boot's, for the it-tests app); Log4j2 itself must answer. */
    private static final String LOG4J_CORE = "-Dlog4j2.provider=org.apache.logging.log4j.core.impl.Log4jProvider";

    static final List<SuiteEntry> ALL = all();

    private EngineBenchmarks() {
    }

    private static List<SuiteEntry> all() {
        List<SuiteEntry> suite = new ArrayList<>();
        Class<?> egress = EgressDecisionBenchmark.class;
        suite.add(clean(egress, "cachedDecision", "an allowed host:port (a wildcard rule) decided from the policy's cache"));
        suite.add(notClean(egress, "uncachedDecision",
                "the same destination decided afresh: every rule walked, the host normalised (a destination's first use)"));
        suite.add(clean(egress, "judgedDecision", "the cached allow of 127.0.0.1:8080 through the judge: the policy in"
                + " force read once (a reload may swap it), mode, no audit", "cachedDecision"));
        suite.add(clean(egress, "judgedDecisionWithMetrics", "the same, counted and (one in 64) timed by the metrics",
                "judgedDecision"));
        suite.add(clean(egress, "socketConnectAsWoven",
                "the three checks a woven Socket.connect makes to an allowed address (Socket, its impl, Net.connect)"));
        suite.add(clean(egress, "socketConnectWithMetrics", "the same, with metrics", "socketConnectAsWoven"));
        suite.add(clean(HttpClientEntryBenchmark.class, "enterAndLeave",
                "OkHttp's woven ConnectInterceptor entry and exit for an allowed URL (cached url-rule decision)"));

        Class<?> masking = MaskingBenchmark.class;
        suite.add(clean(masking, "engineClean", "the masking engine on a 200-character log line with nothing to mask",
                "regexListClean"));
        suite.add(notClean(masking, "engineDirty", "the engine on a 200-character line with eight values to mask",
                "regexListDirty"));
        suite.add(notClean(masking, "regexListClean",
                "baseline: the same detectors as 15 java.util.regex replaceAll passes, on the clean line"));
        suite.add(notClean(masking, "regexListDirty", "baseline: the regex list on the line with eight values"));
        suite.add(notClean(masking, "plainPassClean", "scale: one plain pass over the clean line's characters"));
        suite.add(notClean(masking, "engineRealLogs", "the engine on every line of the real-log corpus the masking"
                + " tests hold (52,802 lines, 6.6 M chars, 183 lines masked): machine logs, dense in digits, '=' and ':'"));
        SuiteEntry logback = notClean(LogbackCallBenchmark.class, "infoWithTwoArguments",
                "baseline: a Logback log.info with two arguments to a file appender, no agent");
        suite.add(logback);
        suite.add(logback.withAgent(LOGBACK_MASKING, true,
                "the same with the agent masking every default detector: the line has nothing to mask"));

        Class<?> auth = AuthDecisionBenchmark.class;
        suite.add(clean(auth, "publicRoute", "the auth decision for GET /health, a public route: path made canonical,"
                + " rule matched"));
        suite.add(clean(auth, "cachedJwt", "a valid RS256 bearer token seen before: the decision without the signature"));
        suite.add(clean(auth, "apiKey", "a valid API key: hashed (SHA-256, the thread's own digest) and compared with"
                + " every configured digest, each request"));
        suite.add(notClean(auth, "stripeWebhook", "a Stripe webhook: the HMAC-SHA256 of its body checked"));
        suite.add(notClean(auth, "firstSeenRs256Jwt", "a valid RS256 token not seen before: every check and the signature"));
        suite.add(notClean(auth, "firstSeenEs256Jwt", "the same with ES256"));
        suite.add(clean(ServletEntryBenchmark.class, "publicRouteThroughTheWovenEntry", "a container's woven request"
                + " entry and exit on a public route, through the reflective servlet adapter (JDK proxies: an upper bound)"));
        suite.add(notClean(SpringRequestBenchmark.class, "springRequest", "a Spring MVC request of the reference app on"
                + " its JWT route through the woven entries: the outer one, four nested (Spring Boot's filters), the"
                + " handler check, the exits; token remembered, rate limit, audit event queued, MDC (Logback's entries"
                + " and the event are the bytes)"));

        Class<?> rateLimit = RateLimiterBenchmark.class;
        suite.add(clean(rateLimit, "local", "a request under the limit, against a token bucket in this JVM"));
        suite.add(notClean(rateLimit, "redis",
                "the same against a bucket in Redis on 127.0.0.1:6379 (one script run over a kept connection)"));

        Class<?> audit = AuditEnqueueBenchmark.class;
        suite.add(notClean(audit, "primusAuditOffer", "an egress denial's audit event built and offered to the"
                + " pipeline's queue (a consumer encodes it)", "log4j2AsyncLogger", "logbackAsyncAppender")
                .withJvmArgs(LOG4J_CORE));
        suite.add(notClean(audit, "log4j2AsyncLogger", "baseline: the same as a log line to Log4j2's async logger"
                + " (LMAX Disruptor)").withJvmArgs(LOG4J_CORE));
        suite.add(notClean(audit, "logbackAsyncAppender", "baseline: the same to Logback's AsyncAppender (neverBlock)")
                .withJvmArgs(LOG4J_CORE));

        SuiteEntry connect = notClean(SocketConnectBenchmark.class, "connectAndClose",
                "baseline: a loopback Socket.connect and close, no agent");
        suite.add(connect);
        suite.add(connect.withAgent(SOCKET_EGRESS, true,
                "the same with the agent enforcing egress, the destination allowed (cached decision)"));
        return List.copyOf(suite);
    }

    private static SuiteEntry clean(Class<?> benchmark, String method, String measures, String... baselines) {
        return new SuiteEntry(benchmark, method, measures, true, List.of(baselines), null, List.of());
    }

    private static SuiteEntry notClean(Class<?> benchmark, String method, String measures, String... baselines) {
        return new SuiteEntry(benchmark, method, measures, false, List.of(baselines), null, List.of());
    }
}
