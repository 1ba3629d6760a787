package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.audit.AuditPipeline;
import dev.primus.bootstrap.EgressDeniedException;
import dev.primus.bootstrap.EgressGate;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Mode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The engine behind the egress gate: which request a socket belongs to is known here, from
 * judged requests only, and what the app hands over that cannot be read is denied.
 */
class EgressGuardTest {
    /** 127.0.0.2 by address; 127.0.0.9 only for /api/ by URL. */
    private static final String EGRESS = "  default: deny\n  allow:\n    - cidr: 127.0.0.2/32\n"
            + "    - url: http://127.0.0.9:8080/api/\n";

    /** Never started: what the engine audits stays in its queue. */
    private final AuditPipeline audit = AuditPipeline.create("t", new ConfigLoader(name -> null)
            .load("t.yaml", "service: t\naudit:\n  sinks: []\n".getBytes(StandardCharsets.UTF_8)).config().audit());

    private EgressGuard guard(Mode mode) {
        return new EgressGuard(new EgressJudge(PolicyFixture.policy(EGRESS), mode, false, "test.yaml", audit));
    }

    private static InetSocketAddress address(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    private static java.net.URLConnection connection(String url) throws Exception {
        return new URL(url).openConnection();
    }

    @Test
    void aSocketOpenedForAJudgedUrlGoesToThatUrlsHostOnly() throws Exception {
        EgressGuard guard = guard(Mode.ENFORCE);
        assertNull(guard.enterHttp(EgressGate.URL_CONNECTION, connection("http://127.0.0.9:8080/api/orders"), null));
        assertNull(guard.socketDenial(address("127.0.0.9", 8080)), "the request's own socket");
        assertNotNull(guard.socketDenial(address("127.0.0.3", 8080)), "any other socket is judged in full");
        guard.leaveHttp();
        assertNotNull(guard.socketDenial(address("127.0.0.9", 8080)), "outside the request, the url-only host is denied");
    }

    @Test
    void aRequestDeniedByUrlLeavesNoFrameBehind() throws Exception {
        EgressGuard guard = guard(Mode.ENFORCE);
        EgressDeniedException denied = guard.enterHttp(EgressGate.URL_CONNECTION, connection("http://127.0.0.9:8080/admin"), null);
        assertNotNull(denied);
        assertNotNull(guard.socketDenial(address("127.0.0.9", 8080)), "no judged request on the thread");
    }

    @Test
    void aNestedRequestIsJudgedLikeAnyOther() throws Exception {
        EgressGuard guard = guard(Mode.ENFORCE);
        assertNull(guard.enterHttp(EgressGate.URL_CONNECTION, connection("http://127.0.0.9:8080/api/orders"), null));
        // A ProxySelector or interceptor callback makes a request of its own while the outer one connects.
        assertNotNull(guard.enterHttp(EgressGate.URL_CONNECTION, connection("http://127.0.0.3:9/exfiltrate"), null));
        assertNotNull(guard.enterHttp(EgressGate.HTTP_CLIENT, java.net.URI.create("http://127.0.0.9:8080/admin"), null),
                "a nested request to the outer request's host but another path");
        assertNotNull(guard.exchangeDenial(java.net.URI.create("http://127.0.0.3:9/x")));
        guard.leaveHttp();
    }

    @Test
    void theSameUrlNestedInItsOwnRequestIsNotJudgedTwice() throws Exception {
        EgressGuard guard = guard(Mode.ENFORCE);
        java.net.URLConnection connection = connection("http://127.0.0.9:8080/api/orders");
        assertNull(guard.enterHttp(EgressGate.URL_CONNECTION, connection, null));
        assertNull(guard.enterHttp(EgressGate.URL_CONNECTION, connection, null), "plainConnect0 inside plainConnect");
        guard.leaveHttp();
        assertNull(guard.socketDenial(address("127.0.0.9", 8080)));
        guard.leaveHttp();
    }

    @Test
    void leavingMoreOftenThanEnteringNeverMarksASocketAsJudged() throws Exception {
        EgressGuard guard = guard(Mode.ENFORCE);
        for (int i = 0; i < 5; i++) {
            guard.leaveHttp();
        }
        assertNotNull(guard.socketDenial(address("127.0.0.9", 8080)));
        assertNull(guard.socketDenial(address("127.0.0.2", 80)));
    }

    @Test
    void anAddressOfAnUnknownTypeIsDeniedInEnforceAndLetThroughInMonitor() {
        SocketAddress forged = new SocketAddress() {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                throw new IllegalStateException("lies");
            }
        };
        EgressDeniedException denied = guard(Mode.ENFORCE).socketDenial(forged);
        assertNotNull(denied);
        assertEquals("egress.unreadable (the destination could not be read: java.lang.IllegalArgumentException)",
                denied.rule());
        assertNull(guard(Mode.MONITOR).socketDenial(forged));
    }

    /** An interceptor chain of OkHttp's shape, as an app might hand one over: its request() throws. */
    public static final class ThrowingChain {
        public Request request() {
            throw new IllegalStateException("a chain that throws");
        }
    }

    public static final class Request {
        public Object url() {
            return "http://127.0.0.2/";
        }
    }

    @Test
    void aRequestWhoseMethodsThrowIsDenied() {
        EgressDeniedException denied = guard(Mode.ENFORCE).enterHttp(EgressGate.OKHTTP, new ThrowingChain(), null);
        assertNotNull(denied);
        assertTrue(denied.rule().startsWith("egress.unreadable"), denied.rule());
    }

    @Test
    void aLibraryWhoseMethodsAreNotWhereTheyWereIsTheAgentsFaultAndFollowsOnError() {
        assertNull(guard(Mode.ENFORCE).enterHttp(EgressGate.OKHTTP, new Object(), null), "egress.on_error: fail_open");
    }

    @Test
    void aNameIsBelievedOnlyForTheAddressesItsLookupGave() throws Exception {
        String egress = "  default: deny\n  allow:\n    - host: allowed.example\n";
        EgressGuard guard = new EgressGuard(new EgressJudge(PolicyFixture.policy(egress), Mode.ENFORCE, false, "test.yaml", audit));
        InetAddress real = InetAddress.getByAddress("allowed.example", new byte[] {127, 0, 0, 2});
        guard.recordResolved(new InetAddress[] {real}, "allowed.example");
        assertNull(guard.socketDenial(new InetSocketAddress(real, 443)), "the resolver's answer");
        InetAddress forged = InetAddress.getByAddress("allowed.example", new byte[] {127, 0, 0, 3});
        EgressDeniedException denied = guard.socketDenial(new InetSocketAddress(forged, 443));
        assertNotNull(denied, "the same name on an address no resolver gave");
        assertEquals("127.0.0.3:443", denied.destination());
    }
}
