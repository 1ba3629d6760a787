package dev.primus.agent.servlet;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.bootstrap.AuthGate;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What the auth guard adds to one request of the Spring reference app on a JWT route, as the
 * woven container and Spring MVC call it: the outer filter-chain entry (the remembered token, the
 * rule, the rate limit, the allowed request's audit event, request attributes, the app's MDC),
 * four nested entries as Spring Boot's filters make, the handler check, and the five exits.
 * The reference app's rules and credentials ({@code benchmarks/reference-fixtures}); the audit
 * event is built and queued, and its writer has no sink. The request is a plain object whose
 * attributes cost nothing; the MDC is Logback's, through SLF4J and Log4j2's bridge, as in a
 * Spring Boot app, so the bytes per operation are the event's and the MDC's map entries.
 * Run from the repository root:
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main SpringRequest</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpringRequestBenchmark {
    private static final Path FIXTURES = Path.of("benchmarks/reference-fixtures/credentials");
    private static final Path REQUEST_MIX = Path.of("benchmarks/reference-spring/request-mix.http");
    /** Spring Boot's filters on a plain web app: character encoding, form content, request context, Tomcat's WebSocket. */
    private static final int NESTED_ENTRIES = 4;

    private AuditPipeline audit;
    private Request request;
    private Object response;
    private HandlerMethod handler;

    /** The controller method a rule could name. */
    public static final class OrderController {
        public void get() {
        }
    }

    /** Read as Spring's HandlerMethod is: by its public getBeanType and getMethod. */
    public static final class HandlerMethod {
        private final Method method;

        HandlerMethod() throws NoSuchMethodException {
            method = OrderController.class.getMethod("get");
        }

        public Class<?> getBeanType() {
            return OrderController.class;
        }

        public Method getMethod() {
            return method;
        }
    }

    /** A GET of /api/orders/42 with a bearer token; its attributes in two arrays, so that setting one allocates nothing. */
    static final class Request extends HttpServletRequestWrapper {
        private final String authorization;
        private final String[] names = new String[8];
        private final Object[] values = new Object[8];

        Request(HttpServletRequest unused, String authorization) {
            super(unused);
            this.authorization = authorization;
        }

        @Override
        public ServletRequest getRequest() {
            return null; // the container's own request: no wrapper under it
        }

        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return "/api/orders/42";
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public String getRemoteAddr() {
            return "10.1.2.3";
        }

        @Override
        public String getHeader(String name) {
            return "Authorization".equalsIgnoreCase(name) ? authorization : null;
        }

        @Override
        public Object getAttribute(String name) {
            for (int i = 0; i < names.length; i++) {
                if (name.equals(names[i])) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
            int free = -1;
            for (int i = 0; i < names.length; i++) {
                if (name.equals(names[i])) {
                    values[i] = value;
                    return;
                }
                free = free < 0 && names[i] == null ? i : free;
            }
            names[free] = name;
            values[free] = value;
        }

        void recycle() {
            java.util.Arrays.fill(names, null);
            java.util.Arrays.fill(values, null);
        }
    }

    @Setup
    public void setUp() throws IOException, NoSuchMethodException {
        String yaml = String.join("\n",
                "service: bench",
                "auth:",
                "  mode: enforce",
                "  default: deny",
                "  audit_success: true",
                "  jwt:",
                "    - id: reference-idp",
                "      issuer: https://idp.reference.test/",
                "      jwks_file: " + FIXTURES.resolve("jwks.json"),
                "      audiences: [reference-spring]",
                "      algorithms: [RS256]",
                "      tenant_claim: tenant",
                "  rules:",
                "    - match: { handler: \"com.acme.OrderController#create\" }",
                "      require: { any_of: [jwt], scopes: [orders:write] }",
                "    - match: { path: \"/api/orders/**\", methods: [GET] }",
                "      require: { any_of: [jwt], scopes: [orders:read] }",
                "      rate_limit: per-principal",
                "  rate_limits:",
                "    - id: per-principal",
                "      key: principal",
                "      capacity: 1000000000",
                "      refill_per_second: 1000000000",
                "audit:",
                "  sinks: []",
                "");
        audit = GateEngines.installAuth(yaml);
        HttpServletRequest unused = (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        request = new Request(unused, bearerFromRequestMix());
        response = Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> null);
        handler = new HandlerMethod();
        if (springRequest() != request || request.getAttribute(AuthGuard.PRINCIPAL_ATTRIBUTE) == null) {
            throw new IllegalStateException("the JWT route was not let through");
        }
    }

    /** The reference request mix's token: signed by the fixtures' key, valid until 2100. */
    private static String bearerFromRequestMix() throws IOException {
        for (String line : Files.readAllLines(REQUEST_MIX)) {
            if (line.startsWith("Authorization: Bearer ")) {
                return line.substring("Authorization: ".length());
            }
        }
        throw new IllegalStateException(REQUEST_MIX + " has no bearer token");
    }

    @TearDown
    public void tearDown() {
        audit.shutdown(1000);
    }

    @Benchmark
    public Object springRequest() {
        request.recycle(); // as the container does between requests
        Object admitted = AuthGate.enterRequest(request, response);
        for (int i = 0; i < NESTED_ENTRIES; i++) {
            AuthGate.enterRequest(request, response);
        }
        Object handled = AuthGate.enterHandler(handler, request, response);
        for (int i = 0; i <= NESTED_ENTRIES; i++) {
            AuthGate.exitRequest();
        }
        return handled == handler ? admitted : null;
    }
}
