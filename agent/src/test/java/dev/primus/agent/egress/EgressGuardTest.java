package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    /**
     * The served request's fields, which the first audit event of the request reads, are the app's code
     * (its header, its OpenTelemetry span, its MDC): read before the engine judges, never while it does,
     * so whatever that code connects to is judged, in enforce mode denied.
     */
    @Test
    void theAppsCodeReadingTheServedRequestRunsIsJudged() throws Exception {
        EgressGuard guard = guard(Mode.ENFORCE);
        EgressDeniedException[] fromAppCode = new EgressDeniedException[1];
        dev.primus.agent.audit.RequestContext.enter(() -> {
            try {
                fromAppCode[0] = guard.socketDenial(address("127.0.0.3", 9));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new String[7];
        });
        try {
            assertNotNull(guard.socketDenial(address("127.0.0.4", 9)), "the connect that raises the event");
        } finally {
            dev.primus.agent.audit.RequestContext.leave();
        }
        assertNotNull(fromAppCode[0], "the app's connect while its request was read");
    }

    /** A check the JVM could not finish (the stack ran out) lets nothing through: the error goes on to the app. */
    @Test
    void aCheckThatRanOutOfStackThrowsInsteadOfLettingTheCallThrough() {
        EgressJudge judge = new EgressJudge(PolicyFixture.policy(EGRESS), Mode.ENFORCE, false, "test.yaml", audit);
        org.junit.jupiter.api.Assertions.assertThrows(StackOverflowError.class,
                () -> judge.failed("a socket", new StackOverflowError()));
        org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class,
                () -> judge.unreadable("a socket", new OutOfMemoryError()));
        assertNull(judge.failed("a socket", new IllegalStateException("a bug")),
                "a fault of the agent's: on_error's fail_open");
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

    /**
     * An OkHttp chain of the app's making whose {@code request()} connects somewhere while the
     * engine reads it: what it connects to is judged like any other socket, not waved through as
     * the engine's own.
     */
    public static final class ConnectingChain {
        final EgressGuard guard;
        EgressDeniedException denialInside;

        ConnectingChain(EgressGuard guard) {
            this.guard = guard;
        }

        public Request request() throws Exception {
            denialInside = guard.socketDenial(address("127.0.0.3", 8080));
            return new Request();
        }
    }

    @Test
    void whatARequestObjectConnectsToWhileItIsReadIsJudged() throws Exception {
        EgressGuard guard = guard(Mode.ENFORCE);
        ConnectingChain chain = new ConnectingChain(guard);
        assertNull(guard.enterHttp(EgressGate.OKHTTP, chain, null), "the request itself, to 127.0.0.2, is allowed");
        assertNotNull(chain.denialInside, "a socket the chain opened while read");
        guard.leaveHttp();
    }

    @Test
    void anIpv4AddressMadeIntoAnIpv6ObjectIsJudgedAsTheIpv4AddressItCarries() throws Exception {
        EgressGuard guard = guard(Mode.ENFORCE);
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 127, 0, 0, 2};
        InetAddress allowed = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertNull(guard.socketDenial(new InetSocketAddress(allowed, 443)), "127.0.0.2 is allowed by its cidr rule");
        mapped[15] = 3;
        InetAddress other = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertNotNull(guard.socketDenial(new InetSocketAddress(other, 443)), "127.0.0.3 is no more allowed for being IPv6");
    }

    @Test
    void theMetadataAddressInAnIpv6ObjectIsDeniedUnderDefaultAllow() throws Exception {
        EgressGuard guard = new EgressGuard(new EgressJudge(PolicyFixture.policy("  default: allow\n"), Mode.ENFORCE, false,
                "test.yaml", audit));
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 169, (byte) 254, (byte) 169,
            (byte) 254};
        InetAddress metadata = java.net.Inet6Address.getByAddress(null, mapped, -1);
        EgressDeniedException denied = guard.socketDenial(new InetSocketAddress(metadata, 80));
        assertNotNull(denied, "169.254.169.254 carried in ::ffff:a9fe:a9fe");
        assertTrue(denied.rule().contains("metadata"), denied.rule());
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
        EgressGuard guard = new EgressGuard(PolicyFixture.trustingJudge(PolicyFixture.policy(egress), Mode.ENFORCE, audit, null));
        InetAddress real = InetAddress.getByAddress("allowed.example", new byte[] {127, 0, 0, 2});
        guard.recordResolved(new InetAddress[] {real}, "allowed.example");
        assertNull(guard.socketDenial(new InetSocketAddress(real, 443)), "the resolver's answer");
        InetAddress forged = InetAddress.getByAddress("allowed.example", new byte[] {127, 0, 0, 3});
        EgressDeniedException denied = guard.socketDenial(new InetSocketAddress(forged, 443));
        assertNotNull(denied, "the same name on an address no resolver gave");
        assertEquals("127.0.0.3:443", denied.destination());
    }

    @Test
    void anAddressGivenANameByAReverseLookupLaterIsJudgedByThatNameOnceALookupVouchesForIt() throws Exception {
        String egress = "  default: deny\n  allow:\n    - host: localhost\n";
        EgressGuard guard = new EgressGuard(PolicyFixture.trustingJudge(PolicyFixture.policy(egress), Mode.ENFORCE, audit, null));
        InetAddress literal = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        InetSocketAddress endpoint = new InetSocketAddress(literal, 80);
        assertNotNull(guard.socketDenial(endpoint), "no name yet: judged by the literal, which no rule allows");
        guard.recordResolved(new InetAddress[] {InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1})},
                "localhost");
        assumeTrue("localhost".equals(literal.getHostName()), "this host's resolver names 127.0.0.1 localhost");
        assertNull(guard.socketDenial(endpoint), "the same address object now carries a name its lookup gave");
    }

    /** Under dns: enforce, with 127.0.0.53 the one resolver a rule names and api.example the one name. */
    private EgressGuard dnsGuard(Mode mode) {
        String egress = "  default: allow\n  dns: enforce\n  allow:\n    - cidr: 127.0.0.53/32\n    - host: api.example\n";
        return new EgressGuard(new EgressJudge(PolicyFixture.policy(egress), mode, false, "test.yaml", audit));
    }

    private static byte[] query(String name) throws Exception {
        return org.xbill.DNS.Message.newQuery(org.xbill.DNS.Record.newRecord(org.xbill.DNS.Name.fromString(name + "."),
                org.xbill.DNS.Type.A, org.xbill.DNS.DClass.IN)).toWire();
    }

    @Test
    void aQueryToAnAllowedResolverIsJudgedByTheNameItAsksAbout() throws Exception {
        EgressGuard guard = dnsGuard(Mode.ENFORCE);
        InetSocketAddress resolver = address("127.0.0.53", 53);
        assertNull(guard.datagramDenial(resolver, java.nio.ByteBuffer.wrap(query("api.example"))));
        EgressDeniedException denied = guard.datagramDenial(resolver,
                java.nio.ByteBuffer.wrap(query("secret-4111111111111111.attacker.example")));
        assertNotNull(denied);
        assertEquals("egress.dns", denied.rule().substring(0, "egress.dns".length()));
        byte[] data = query("secret.attacker.example");
        assertNotNull(guard.datagramDenial(resolver, new java.net.DatagramPacket(data, data.length, resolver)));
    }

    @Test
    void aDatagramToPort53ThatIsNoQueryIsDenied() throws Exception {
        assertNotNull(dnsGuard(Mode.ENFORCE).datagramDenial(address("127.0.0.53", 53),
                java.nio.ByteBuffer.wrap("c2VjcmV0".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aResolverNoRuleNamesIsDeniedEvenUnderDefaultAllow() throws Exception {
        EgressGuard guard = dnsGuard(Mode.ENFORCE);
        assertNotNull(guard.socketDenial(address("127.0.0.99", 53)));
        assertNotNull(guard.socketDenial(address("127.0.0.99", 853)));
        assertNull(guard.socketDenial(address("127.0.0.99", 443)), "other ports follow egress.default");
    }

    @Test
    void aReverseLookupIsJudgedByTheAddressItNames() throws Exception {
        EgressGuard guard = dnsGuard(Mode.ENFORCE);
        assertEquals("127.0.0.7", guard.reverseLookupAnswer(InetAddress.getByAddress(new byte[] {127, 0, 0, 7})),
                "denied: answered with the literal, as a failed lookup is");
        assertNull(guard.reverseLookupAnswer(InetAddress.getByAddress(new byte[] {127, 0, 0, 53})), "a covered address");
        assertNull(dnsGuard(Mode.MONITOR).reverseLookupAnswer(InetAddress.getByAddress(new byte[] {127, 0, 0, 7})),
                "monitor: looked up, audited as would_deny");
    }

    @Test
    void aLookupOfALooseLiteralSpellingIsJudgedAsAName() throws Exception {
        EgressGuard guard = dnsGuard(Mode.ENFORCE);
        assertNull(guard.lookupDenial("127.0.0.1"));
        assertNull(guard.lookupDenial("::1"));
        assertNotNull(guard.lookupDenial("0x7f000001"), "a resolver may send it out as a name");
        assertNotNull(guard.lookupDenial("127.1"));
    }
}
