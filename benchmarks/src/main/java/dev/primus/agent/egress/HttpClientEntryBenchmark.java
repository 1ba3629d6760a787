package dev.primus.agent.egress;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.bootstrap.EgressGate;
import dev.primus.bootstrap.GateInstallation;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import dev.primus.config.PrimusConfig;
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
 * What the woven entry of an HTTP client adds to a request: exactly the calls OkHttp's woven
 * {@code ConnectInterceptor.intercept} makes ({@code EgressGate.enterOkHttp}, {@code exitHttp}),
 * through the engine's URL reader to a cached url-rule decision and back. The chain and request
 * are OkHttp-shaped classes of this benchmark (public {@code request()} and {@code url()}).
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main HttpClientEntry</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HttpClientEntryBenchmark {
    /** OkHttp's {@code Interceptor.Chain}, as far as the agent reads it. */
    public static final class Chain {
        private final Request request = new Request();

        public Request request() {
            return request;
        }
    }

    /** OkHttp's {@code Request}: {@code url()} is an {@code HttpUrl} whose text is the URL. */
    public static final class Request {
        public Object url() {
            return "https://api.openai.com/v1/chat/completions";
        }
    }

    private AuditPipeline audit;
    private final Chain chain = new Chain();

    @Setup
    public void setUp() {
        String yaml = String.join("\n", "service: bench", "egress:", "  mode: enforce", "  default: deny", "  allow:",
                "    - url: https://api.openai.com/v1/", "audit:", "  sinks: []", "");
        LoadResult result = new ConfigLoader(name -> null).load("bench.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        PrimusConfig config = result.config();
        audit = AuditPipeline.create("bench", config.audit()).start(Collections.emptyList());
        // Once per fork: a gate takes its engine for the life of the JVM.
        GateInstallation.install(new EgressGuard(new EgressJudge(new EgressPolicy(config.egress()), config.egress().mode(),
                false, "bench.yaml", audit)), null, null);
        enterAndLeave();
    }

    @TearDown
    public void tearDown() {
        audit.shutdown(1000);
    }

    @Benchmark
    public void enterAndLeave() {
        try {
            EgressGate.enterOkHttp(chain);
        } catch (java.net.ConnectException denied) {
            throw new IllegalStateException("the allowed URL was denied", denied);
        }
        EgressGate.exitHttp();
    }
}
