package dev.primus.agent.egress;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import dev.primus.config.PrimusConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one egress decision costs: from the cache, uncached (every rule walked, the host
 * normalised), through the judge (the policy in force read once, as a reload may swap it), and
 * the checks a woven socket connect makes ({@code Socket.connect}, then the socket
 * implementation's connect for the same endpoint, then {@code Net.connect}; decision cached,
 * first-use audit already done), without and with metrics counting and timing it.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main EgressDecision</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EgressDecisionBenchmark {
    private EgressPolicy policy;
    private EgressGuard guard;
    private EgressGuard guardWithMetrics;
    private EgressJudge judge;
    private EgressJudge judgeWithMetrics;
    private AuditPipeline audit;
    private Destination cachedDestination;
    private Destination uncachedDestination;
    private InetSocketAddress connectTarget;

    @Setup
    public void setUp() {
        String yaml = String.join("\n",
                "service: bench",
                "mode: enforce",
                "egress:",
                "  default: deny",
                "  allow:",
                "    - host: api.stripe.com",
                "      ports: [443]",
                "    - host: \"*.internal.example.com\"",
                "    - cidr: 10.0.0.0/8",
                "    - cidr: 127.0.0.0/8",
                "    - url: https://api.openai.com/v1/",
                "  deny:",
                "    - cidr: 169.254.169.254/32",
                "audit:",
                "  sinks:",
                "    - type: file",
                "      path: /dev/null",
                "");
        LoadResult result = new ConfigLoader(name -> null).load("bench.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        PrimusConfig config = result.config();
        policy = new EgressPolicy(config.egress());
        audit = AuditPipeline.create("bench", config.audit()).start(Collections.emptyList());
        judge = new EgressJudge(policy, config.egress().mode(), false, "bench.yaml", audit);
        guard = new EgressGuard(judge);
        judgeWithMetrics = new EgressJudge(new EgressRules(policy, config.egress().mode(), false, "bench.yaml"), audit,
                new AgentMetrics());
        guardWithMetrics = new EgressGuard(judgeWithMetrics);
        cachedDestination = Destination.socket("orders.internal.example.com", null, 8443);
        uncachedDestination = Destination.socket("orders.internal.example.com", null, 8443);
        connectTarget = new InetSocketAddress("127.0.0.1", 8080);
        policy.decide(cachedDestination);
        socketConnectAsWoven();
        socketConnectWithMetrics();
    }

    @TearDown
    public void tearDown() {
        audit.shutdown(1000);
    }

    @Benchmark
    public EgressDecision cachedDecision() {
        return policy.decide(cachedDestination);
    }

    @Benchmark
    public EgressDecision uncachedDecision() {
        return policy.evaluate(uncachedDestination);
    }

    /** The policy's cached decision through the judge: what reading the generation in force adds. */
    @Benchmark
    public Object judgedDecision() {
        return judge.checkSocket(connectTarget, null);
    }

    /** The same, counted and (one in 64) timed by the metrics. */
    @Benchmark
    public Object judgedDecisionWithMetrics() {
        return judgeWithMetrics.checkSocket(connectTarget, null);
    }

    @Benchmark
    public Object socketConnectAsWoven() {
        return connect(guard);
    }

    @Benchmark
    public Object socketConnectWithMetrics() {
        return connect(guardWithMetrics);
    }

    private Object connect(EgressGuard woven) {
        Object outer = woven.socketDenial(connectTarget);
        Object inner = woven.socketDenial(connectTarget);
        Object net = woven.addressDenial(connectTarget.getAddress(), connectTarget.getPort());
        return outer != null ? outer : inner != null ? inner : net;
    }
}
