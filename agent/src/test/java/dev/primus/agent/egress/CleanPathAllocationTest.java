package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.metrics.AgentMetrics;
import dev.primus.bootstrap.EgressGate;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Mode;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An allowed destination seen before is judged without allocating, in enforce and monitor mode,
 * with metrics on: every connect and every HTTP request pays this path. Measured by the JVM's
 * per-thread allocation counter over 20,000 calls, the fewest of five rounds after as many calls
 * to warm up (first uses are audited, and may allocate).
 *
 * <p>The slack, 1 KB, is for the measurement, not the check: reading the counter may allocate a
 * little in the JDK. One allocation per call would be at least 320 KB (16 bytes times 20,000).
 */
class CleanPathAllocationTest {
    private static final int CALLS = 20_000;
    private static final long SLACK_BYTES = 1024;
    private static final String EGRESS = "  default: deny\n  allow:\n    - cidr: 127.0.0.0/8\n    - cidr: \"::1/128\"\n"
            + "    - host: db.example\n      ports: [5432]\n    - url: https://api.example/v1/\n  deny:\n"
            + "    - cidr: 10.0.0.0/8\n      ports: [8443]\n";
    private static com.sun.management.ThreadMXBean threads;

    /** Never started: what the engine audits stays in its queue. */
    private final AuditPipeline audit = AuditPipeline.create("t", new ConfigLoader(name -> null)
            .load("t.yaml", "service: t\naudit:\n  sinks: []\n".getBytes(StandardCharsets.UTF_8)).config().audit());

    @BeforeAll
    static void enableAllocationCounting() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    private EgressJudge judge(Mode mode) {
        return PolicyFixture.trustingJudge(PolicyFixture.policy(EGRESS), mode, audit, new AgentMetrics());
    }

    /** Where results go, so that the JIT cannot drop the calls. */
    private static volatile Object sink;

    /**
     * The fewest bytes the thread allocated over {@link #CALLS} calls, in five rounds after as many
     * calls to warm up. An allocation per call shows in every round; the JIT replacing compiled
     * code under the loop can cost a round some bytes once.
     */
    private static long allocatedBy(Supplier<Object> call) {
        for (int i = 0; i < CALLS; i++) {
            sink = call.get();
        }
        long thread = Thread.currentThread().getId();
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < CALLS; i++) {
                sink = call.get();
            }
            long bytes = threads.getThreadAllocatedBytes(thread) - before;
            fewest = Math.min(fewest, bytes);
        }
        return fewest;
    }

    private static void assertAllocatesNothing(String what, Supplier<Object> call) {
        long bytes = allocatedBy(call);
        assertTrue(bytes < SLACK_BYTES, CALLS + " checks of " + what + " allocated " + bytes + " bytes");
    }

    @Test
    void theMeasurementSeesAnObjectMadePerCall() throws Exception {
        EgressJudge judge = judge(Mode.ENFORCE);
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        long bytes = allocatedBy(() -> judge.checkSocket(new InetSocketAddress(loopback, 8080), null));
        assertTrue(bytes > 16L * CALLS, "an InetSocketAddress per call would show: " + bytes + " bytes");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ENFORCE", "MONITOR"})
    void anAllowedLiteralAddressIsJudgedWithoutAllocating(Mode mode) throws Exception {
        EgressJudge judge = judge(mode);
        // The JDK formats the host string of an address that carries no name anew for each call.
        InetSocketAddress literal = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 8080);
        InetSocketAddress ipv6 = new InetSocketAddress(InetAddress.getByName("::1"), 8080);
        assertNull(judge.checkSocket(literal, null));
        assertAllocatesNothing("127.0.0.1:8080", () -> judge.checkSocket(literal, null));
        assertAllocatesNothing("[::1]:8080", () -> judge.checkSocket(ipv6, null));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ENFORCE", "MONITOR"})
    void anAllowedNameOnTheAddressItsLookupGaveIsJudgedWithoutAllocating(Mode mode) throws Exception {
        EgressJudge judge = judge(mode);
        InetAddress resolved = InetAddress.getByAddress("db.example", new byte[] {127, 0, 0, 5});
        judge.resolvedNames().recordJdk("db.example", new InetAddress[] {resolved});
        InetSocketAddress endpoint = new InetSocketAddress(resolved, 5432);
        assertAllocatesNothing("db.example:5432", () -> judge.checkSocket(endpoint, null));
    }

    @Test
    void aNameNoResolverVouchedForIsJudgedByItsAddressWithoutAllocating() throws Exception {
        EgressJudge judge = judge(Mode.ENFORCE);
        InetSocketAddress endpoint = new InetSocketAddress(
                InetAddress.getByAddress("say-so.example", new byte[] {127, 0, 0, 6}), 443);
        assertNull(judge.checkSocket(endpoint, null), "allowed by its address");
        assertAllocatesNothing("say-so.example:443 by address", () -> judge.checkSocket(endpoint, null));
    }

    @Test
    void anAllowedNameLookupIsJudgedWithoutAllocating() {
        EgressPolicy policy = PolicyFixture.policy("  dns: enforce\n  allow:\n    - host: db.example\n");
        EgressJudge judge = PolicyFixture.trustingJudge(policy, Mode.ENFORCE, audit, null);
        EgressGuard guard = new EgressGuard(judge);
        assertNull(guard.lookupDenial("db.example"));
        assertAllocatesNothing("a lookup of db.example", () -> guard.lookupDenial("db.example"));
    }

    @Test
    void aWovenSocketConnectIsJudgedWithoutAllocating() throws Exception {
        EgressGuard guard = new EgressGuard(judge(Mode.ENFORCE));
        InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 8080);
        // Socket.connect, then the socket implementation's connect, then Net.connect.
        assertAllocatesNothing("a woven connect", () -> {
            Object outer = guard.socketDenial(endpoint);
            Object inner = guard.socketDenial(endpoint);
            Object net = guard.addressDenial(endpoint.getAddress(), endpoint.getPort());
            return outer != null ? outer : inner != null ? inner : net;
        });
    }

    /** OkHttp's {@code Interceptor.Chain}, as far as the agent reads it. */
    public static final class Chain {
        private final Request request = new Request();

        public Request request() {
            return request;
        }
    }

    /** OkHttp's {@code Request}: its {@code url()} prints as the URL's text. */
    public static final class Request {
        public Object url() {
            return "https://api.example/v1/chat";
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ENFORCE", "MONITOR"})
    void anOkHttpRequestToAnAllowedUrlAndItsSocketAreJudgedWithoutAllocating(Mode mode) throws Exception {
        EgressJudge judge = judge(mode);
        EgressGuard guard = new EgressGuard(judge);
        Chain chain = new Chain();
        InetAddress resolved = InetAddress.getByAddress("api.example", new byte[] {127, 0, 0, 7});
        judge.resolvedNames().recordJdk("api.example", new InetAddress[] {resolved});
        InetSocketAddress endpoint = new InetSocketAddress(resolved, 443);
        assertAllocatesNothing("an OkHttp request", () -> {
            Object denial = guard.enterHttp(EgressGate.OKHTTP, chain, null);
            guard.leaveHttp();
            return denial;
        });
        assertAllocatesNothing("an OkHttp request and its socket", () -> {
            Object denial = guard.enterHttp(EgressGate.OKHTTP, chain, null);
            Object socket = guard.socketDenial(endpoint);
            guard.addressDenial(endpoint.getAddress(), endpoint.getPort());
            guard.leaveHttp();
            return denial != null ? denial : socket;
        });
    }

    @Test
    void aJdkHttpClientExchangeToAnAllowedUrlIsJudgedWithoutAllocating() {
        EgressGuard guard = new EgressGuard(judge(Mode.ENFORCE));
        java.net.URI uri = java.net.URI.create("https://api.example/v1/chat");
        assertAllocatesNothing("an HttpClient exchange", () -> guard.exchangeDenial(uri));
    }
}
