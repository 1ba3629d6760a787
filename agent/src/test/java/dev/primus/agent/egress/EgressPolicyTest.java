package dev.primus.agent.egress;

import static dev.primus.agent.egress.PolicyFixture.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {
    private static Destination socket(String host, int port) {
        return Destination.socket(host, null, port);
    }

    private static Destination url(String url) {
        java.net.URI uri = java.net.URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : CompiledRule.defaultPort(uri.getScheme());
        return Destination.url(uri.getScheme(), uri.getHost(), port, uri.getRawPath());
    }

    @Test
    void allowsAnExactHostCaseInsensitivelyWithOrWithoutTrailingDot() {
        EgressPolicy policy = policy("  allow:\n    - host: api.stripe.com\n");
        for (String host : List.of("api.stripe.com", "API.Stripe.COM", "api.stripe.com.")) {
            EgressDecision decision = policy.decide(socket(host, 443));
            assertTrue(decision.allowed(), host);
            assertEquals("egress.allow[0]", decision.rule());
        }
        assertFalse(policy.decide(socket("api.stripe.com.evil.com", 443)).allowed());
        assertFalse(policy.decide(socket("xapi.stripe.com", 443)).allowed());
    }

    @Test
    void aWildcardMatchesSubdomainsButNotTheDomainItself() {
        EgressPolicy policy = policy("  allow:\n    - host: \"*.internal.example.com\"\n");
        assertTrue(policy.decide(socket("a.internal.example.com", 80)).allowed());
        assertTrue(policy.decide(socket("a.b.internal.example.com", 80)).allowed());
        assertFalse(policy.decide(socket("internal.example.com", 80)).allowed());
        assertFalse(policy.decide(socket("evilinternal.example.com", 80)).allowed());
    }

    @Test
    void idnHostsMatchTheirPunycode() {
        EgressPolicy policy = policy("  allow:\n    - host: xn--bcher-kva.example\n");
        assertTrue(policy.decide(socket("bücher.example", 443)).allowed());
        assertTrue(policy.decide(socket("BÜCHER.example", 443)).allowed());
    }

    @Test
    void portsNarrowARule() {
        EgressPolicy policy = policy("  allow:\n    - host: api.stripe.com\n      ports: [443]\n");
        assertTrue(policy.decide(socket("api.stripe.com", 443)).allowed());
        EgressDecision other = policy.decide(socket("api.stripe.com", 80));
        assertFalse(other.allowed());
        assertEquals("egress.default", other.rule());
    }

    @Test
    void cidrRulesMatchIpv4AndIpv6() {
        EgressPolicy policy = policy("  allow:\n    - cidr: 10.0.0.0/8\n    - cidr: fd12::/16\n");
        assertTrue(policy.decide(socket("10.20.30.40", 5432)).allowed());
        assertTrue(policy.decide(socket("fd12::1", 5432)).allowed());
        assertFalse(policy.decide(socket("11.0.0.1", 5432)).allowed());
    }

    @Test
    void denyAlwaysWinsOverAllow() {
        EgressPolicy policy = policy("  default: allow\n  allow:\n    - cidr: 127.0.0.0/8\n  deny:\n    - cidr: 127.0.0.3/32\n");
        EgressDecision decision = policy.decide(socket("127.0.0.3", 8080));
        assertFalse(decision.allowed());
        assertEquals("egress.deny[0]", decision.rule());
        assertTrue(policy.decide(socket("127.0.0.2", 8080)).allowed());
    }

    @Test
    void deniesDecimalHexOctalAndShortSpellingsOfADeniedAddress() {
        EgressPolicy policy = policy("  default: allow\n  deny:\n    - cidr: 127.0.0.3/32\n");
        for (String spelling : List.of("127.0.0.3", "2130706435", "0x7f000003", "0177.0.0.3", "127.3", "0x7f.0.0.3",
                "::ffff:127.0.0.3", "[::ffff:7f00:3]", "::127.0.0.3")) {
            assertFalse(policy.decide(socket(spelling, 80)).allowed(), spelling);
        }
    }

    @Test
    void everySpellingOfAnAddressGetsTheSameDecision() {
        EgressPolicy policy = policy("  allow:\n    - cidr: 10.1.0.0/16\n  deny:\n    - cidr: 10.1.2.0/24\n");
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            int a = 10;
            int b = random.nextInt(3);
            int c = random.nextInt(4);
            int d = random.nextInt(256);
            long value = ((long) a << 24) | (b << 16) | (c << 8) | d;
            boolean expected = policy.decide(socket(a + "." + b + "." + c + "." + d, 80)).allowed();
            for (String spelling : List.of(Long.toString(value), "0x" + Long.toHexString(value),
                    "0" + Integer.toOctalString(a) + "." + b + "." + c + "." + d, a + "." + b + "." + ((c << 8) | d),
                    a + "." + ((b << 16) | (c << 8) | d), "::ffff:" + a + "." + b + "." + c + "." + d)) {
                assertEquals(expected, policy.decide(socket(spelling, 80)).allowed(), spelling);
            }
        }
    }

    @Test
    void cloudMetadataIsDeniedEvenUnderABroadAllow() {
        EgressPolicy policy = policy("  default: allow\n  allow:\n    - cidr: 0.0.0.0/0\n");
        for (String host : List.of("169.254.169.254", "2852039166", "0xa9fea9fe", "fd00:ec2::254",
                "metadata.google.internal", "METADATA.google.internal.")) {
            EgressDecision decision = policy.decide(socket(host, 80));
            assertFalse(decision.allowed(), host);
            assertEquals(EgressPolicy.METADATA_RULE, decision.rule(), host);
        }
    }

    @Test
    void cloudMetadataIsAllowedWhenARuleNamesItExactly() {
        EgressPolicy policy = policy("  allow:\n    - cidr: 169.254.169.254/32\n    - host: metadata.google.internal\n");
        assertTrue(policy.decide(socket("169.254.169.254", 80)).allowed());
        assertTrue(policy.decide(socket("metadata.google.internal", 80)).allowed());
    }

    @Test
    void urlRulesMatchSchemeHostPortAndPathPrefix() {
        EgressPolicy policy = policy("  allow:\n    - url: https://api.openai.com/v1/\n");
        assertTrue(policy.decide(url("https://api.openai.com/v1/chat/completions")).allowed());
        assertTrue(policy.decide(url("https://API.openai.com:443/v1/models")).allowed());
        assertFalse(policy.decide(url("http://api.openai.com/v1/models")).allowed(), "scheme");
        assertFalse(policy.decide(url("https://api.openai.com/v2/models")).allowed(), "path");
        assertFalse(policy.decide(url("https://api.openai.com:8443/v1/models")).allowed(), "port");
        assertFalse(policy.decide(socket("api.openai.com", 443)).allowed(), "a socket does not know the path");
    }

    @Test
    void dotSegmentsCannotEscapeAUrlRulesPrefix() {
        EgressPolicy policy = policy("  allow:\n    - url: https://api.example.com/v1/\n");
        for (String escape : List.of("https://api.example.com/v1/../admin", "https://api.example.com/v1/%2e%2e/admin",
                "https://api.example.com/v1/%2E%2E%2Fadmin", "https://api.example.com/v1/./../admin",
                "https://api.example.com/v1/..;/admin", "https://api.example.com/v1/..%3b/admin".replace("%3b", ";"))) {
            assertFalse(policy.decide(url(escape)).allowed(), escape);
        }
        assertTrue(policy.decide(url("https://api.example.com/v1/./models")).allowed());
    }

    @Test
    void urlDenyRulesMatchIpHostsAndSurviveSlashTricks() {
        EgressPolicy policy = policy("  default: allow\n  deny:\n    - url: http://10.0.0.5/admin\n");
        assertFalse(policy.decide(url("http://10.0.0.5/admin/users")).allowed());
        assertFalse(policy.decide(url("http://167772165/admin")).allowed(), "decimal spelling of the rule's address");
        assertFalse(policy.decide(url("http://10.0.0.5//admin")).allowed());
        assertFalse(policy.decide(url("http://10.0.0.5/x/../admin")).allowed());
        assertTrue(policy.decide(url("http://10.0.0.5/public")).allowed());
    }

    @Test
    void requireTlsDeniesPlainHttpExceptToLoopback() {
        EgressPolicy policy = policy("  default: allow\n  require_tls: true\n");
        EgressDecision plain = policy.decide(url("http://api.example.com/x"));
        assertFalse(plain.allowed());
        assertEquals("egress.require_tls", plain.rule());
        assertTrue(policy.decide(url("https://api.example.com/x")).allowed());
        assertTrue(policy.decide(url("http://127.0.0.1:8080/x")).allowed());
        assertTrue(policy.decide(url("http://localhost:8080/x")).allowed());
    }

    @Test
    void aResolvedAddressInADeniedRangeIsDeniedEvenWhenTheNameIsAllowed() {
        EgressPolicy policy = policy("  allow:\n    - host: rebind.example.com\n  deny:\n    - cidr: 127.0.0.0/8\n");
        assertTrue(policy.decide(Destination.socket("rebind.example.com", new byte[] {93, (byte) 184, (byte) 216, 34}, 80))
                .allowed());
        EgressDecision rebound = policy.decide(Destination.socket("rebind.example.com", new byte[] {127, 0, 0, 1}, 80));
        assertFalse(rebound.allowed());
        assertEquals("egress.deny[0]", rebound.rule());
        assertFalse(policy.decide(Destination.socket("rebind.example.com", new byte[] {(byte) 169, (byte) 254,
                (byte) 169, (byte) 254}, 80)).allowed(), "metadata behind an allowed name");
    }

    @Test
    void aLiteralThatResolvedToAnotherAddressIsJudgedByThatAddress() {
        EgressPolicy policy = policy("  allow:\n    - cidr: 8.0.0.0/8\n");
        // We read 010.0.0.1 as octal 8.0.0.1; a resolver that reads it as 10.0.0.1 connects there.
        assertTrue(policy.decide(Destination.socket("010.0.0.1", new byte[] {8, 0, 0, 1}, 80)).allowed());
        assertFalse(policy.decide(Destination.socket("010.0.0.1", new byte[] {10, 0, 0, 1}, 80)).allowed());
    }

    @Test
    void aCidrRuleAllowsTheAddressANameResolvedTo() {
        EgressPolicy policy = policy("  allow:\n    - cidr: 10.0.0.0/8\n");
        assertTrue(policy.decide(Destination.socket("db.internal", new byte[] {10, 1, 2, 3}, 5432)).allowed());
        assertFalse(policy.decide(Destination.socket("db.internal", new byte[] {11, 1, 2, 3}, 5432)).allowed());
    }

    @Test
    void anAddressAllowedByCidrIsDecidedOnceAndCached() {
        EgressPolicy policy = policy("  allow:\n    - cidr: 127.0.0.0/8\n");
        EgressDecision first = policy.decide(Destination.socket("localhost", new byte[] {127, 0, 0, 1}, 8080));
        assertTrue(first.allowed());
        assertSame(first, policy.decide(Destination.socket("localhost", new byte[] {127, 0, 0, 1}, 8080)),
                "the same instance, so the guard audits the destination once");
    }

    @Test
    void denyForAddressIgnoresAllowRulesAndDefault() {
        EgressPolicy policy = policy("  default: deny\n  deny:\n    - cidr: 127.0.0.3/32\n");
        assertNull(policy.denyForAddress(new byte[] {127, 0, 0, 2}, 80));
        assertEquals("egress.deny[0]", policy.denyForAddress(new byte[] {127, 0, 0, 3}, 80).rule());
    }

    @Test
    void decisionsAreCachedPerSchemeHostAndPort() {
        EgressPolicy policy = policy("  allow:\n    - host: a.example.com\n");
        assertSame(policy.decide(socket("a.example.com", 443)), policy.decide(socket("a.example.com", 443)));
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        EgressPolicy policy = policy("  default: allow\n");
        for (int i = 0; i < EgressPolicy.MAX_CACHED_DECISIONS * 2; i++) {
            policy.decide(socket("h" + i + ".example.com", 80));
        }
        java.lang.reflect.Field cache = EgressPolicy.class.getDeclaredField("cache");
        cache.setAccessible(true);
        assertTrue(((java.util.Map<?, ?>) cache.get(policy)).size() <= EgressPolicy.MAX_CACHED_DECISIONS);
    }

    @Test
    void withDnsEnforceOnlyNamesARuleAllowsMayBeLookedUp() {
        EgressPolicy policy = policy("  dns: enforce\n  allow:\n    - host: api.stripe.com\n      ports: [443]\n"
                + "    - host: \"*.internal.example.com\"\n    - url: https://api.openai.com/v1/\n    - cidr: 10.0.0.0/8\n"
                + "  deny:\n    - host: evil.internal.example.com\n");
        assertTrue(policy.decideLookup("API.stripe.com.").allowed());
        assertTrue(policy.decideLookup("db.internal.example.com").allowed());
        assertTrue(policy.decideLookup("api.openai.com").allowed());
        EgressDecision exfiltration = policy.decideLookup("c2VjcmV0.attacker.example");
        assertFalse(exfiltration.allowed());
        assertEquals("egress.dns", exfiltration.rule());
        assertEquals("egress.deny[0]", policy.decideLookup("evil.internal.example.com").rule());
        assertEquals(EgressPolicy.METADATA_RULE, policy.decideLookup("metadata.google.internal").rule());
        assertNull(policy.decideLookup("10.1.2.3"), "an IP literal needs no lookup");
        assertNull(policy.decideLookup("localhost"));
    }

    @Test
    void anInvalidHostIsDeniedNotThrown() {
        EgressPolicy policy = policy("  default: allow\n");
        assertFalse(policy.decide(socket("...", 80)).allowed());
    }
}
