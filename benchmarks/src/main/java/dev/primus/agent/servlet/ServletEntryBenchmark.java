package dev.primus.agent.servlet;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.bootstrap.AuthGate;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
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
 * What the woven request entry adds to a request on a public route: exactly the calls a
 * container's woven entry makes ({@code AuthGate.enterRequest}, {@code exitRequest}), through
 * the reflective servlet adapter to the engine and back. Request and response are JDK proxies
 * of the jakarta interfaces, which cost a little more per call than a container's own objects,
 * so this is an upper bound.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main ServletEntry</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServletEntryBenchmark {
    private AuditPipeline audit;
    private Object request;
    private Object response;

    @Setup
    public void setUp() {
        String yaml = String.join("\n",
                "service: bench",
                "auth:",
                "  mode: enforce",
                "  default: deny",
                "  rules:",
                "    - match: { path: /health }",
                "      require: public",
                "    - match: { path: \"/api/**\" }",
                "      require: { any_of: [api_key] }",
                "  api_keys:",
                "    keys:",
                "      - id: k",
                "        sha256: \"0000000000000000000000000000000000000000000000000000000000000000\"",
                "audit:",
                "  sinks: []",
                "");
        audit = GateEngines.installAuth(yaml);
        request = Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> "/health";
                    case "getContextPath" -> "";
                    default -> null;
                });
        response = Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> null);
        if (AuthGate.enterRequest(request, response) != request) {
            throw new IllegalStateException("the public route was not let through");
        }
        AuthGate.exitRequest();
    }

    @TearDown
    public void tearDown() {
        audit.shutdown(1000);
    }

    @Benchmark
    public Object publicRouteThroughTheWovenEntry() {
        Object admitted = AuthGate.enterRequest(request, response);
        AuthGate.exitRequest();
        return admitted;
    }
}
