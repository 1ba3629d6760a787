package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the contract's example config, in its order. */
class AuthRulesTest {
    private static final String REFUND = "com.acme.OrderController#refund";

    private static final List<AuthRule> CONTRACT_RULES = Arrays.asList(
            new AuthRule("auth.rules[0]", PathPattern.parse("/health"), null, null, Requirement.publicAccess()),
            new AuthRule("auth.rules[1]", PathPattern.parse("/api/admin/**"), null, null,
                    Requirement.anyOf(List.of(CredentialKind.JWT), List.of("admin"))),
            new AuthRule("auth.rules[2]", PathPattern.parse("/api/**"), List.of("GET"), null,
                    Requirement.anyOf(List.of(CredentialKind.JWT, CredentialKind.API_KEY), List.of("orders:read"))),
            new AuthRule("auth.rules[3]", PathPattern.parse("/webhooks/stripe"), List.of("POST"), null,
                    Requirement.webhook("stripe")),
            new AuthRule("auth.rules[4]", null, null, REFUND,
                    Requirement.anyOf(List.of(CredentialKind.JWT), List.of("orders:refund"))));

    private final AuthRules rules = new AuthRules(CONTRACT_RULES, true);

    private String decidingRule(String method, String rawUri, String handler) {
        return rules.decide(method, RequestPaths.normalise(rawUri), handler).id();
    }

    @Test
    void firstMatchingRuleWins() {
        assertEquals("auth.rules[1]", decidingRule("GET", "/api/admin/users", null));
    }

    @Test
    void pathTricksStillMeetTheAdminRule() {
        for (String raw : List.of("/api/admin/..;/admin/users", "//api//admin", "/api/./admin", "/api/%61dmin",
                "/API/ADMIN/x", "/api/admin;jsessionid=1", "/api/x/%2e%2e/admin/", "/api/admin/")) {
            assertEquals("auth.rules[1]", decidingRule("DELETE", raw, null), raw);
        }
    }

    @Test
    void methodsCompareIgnoringCase() {
        assertEquals("auth.rules[2]", decidingRule("get", "/api/orders", null));
    }

    @Test
    void aGetRuleAlsoNamesHead() {
        assertEquals("auth.rules[2]", decidingRule("HEAD", "/api/orders", null));
    }

    @Test
    void aMethodTheRuleDoesNotNameFallsThrough() {
        assertEquals(AuthRules.DEFAULT_ID, decidingRule("PUT", "/api/orders", null));
    }

    @Test
    void handlerRuleMatchesOnlyWhenTheHookKnowsTheHandler() {
        assertEquals(AuthRules.DEFAULT_ID, decidingRule("POST", "/orders/1/refund", null));
        assertEquals("auth.rules[4]", decidingRule("POST", "/orders/1/refund", REFUND));
        assertEquals(AuthRules.DEFAULT_ID, decidingRule("POST", "/orders/1/refund", "com.acme.OrderController#list"));
    }

    /** A path rule before it that matches the same request does not hide a handler rule: it adds its requirement. */
    @Test
    void aHandlerRuleIsFoundWhereverItStandsAmongThePathRules() {
        assertEquals("auth.rules[4]", rules.decideHandler("GET", "/api/orders/1/refund", REFUND).id());
        assertEquals("auth.rules[4]", rules.decideHandler("POST", "/orders/1/refund", REFUND).id());
        assertNull(rules.decideHandler("GET", "/api/orders", "com.acme.OrderController#list"));
    }

    @Test
    void webhookRuleNamesItsWebhook() {
        AuthRule rule = rules.decide("POST", "/webhooks/stripe", null);
        assertEquals(Requirement.Kind.WEBHOOK, rule.requirement().kind());
        assertEquals("stripe", rule.requirement().webhookId());
    }

    @Test
    void unmatchedRequestGetsPublicDefaultWhenDefaultAllows() {
        AuthRule rule = rules.decide("GET", "/", null);
        assertEquals(AuthRules.DEFAULT_ID, rule.id());
        assertEquals(Requirement.Kind.PUBLIC, rule.requirement().kind());
    }

    @Test
    void unmatchedRequestIsDeniedWhenDefaultDenies() {
        AuthRule rule = new AuthRules(CONTRACT_RULES, false).decide("GET", "/other", null);
        assertEquals(AuthRules.DEFAULT_ID, rule.id());
        assertEquals(Requirement.Kind.DENIED, rule.requirement().kind());
    }

    @Test
    void noRulesMeansTheDefaultDecidesEverything() {
        AuthRules none = new AuthRules(Collections.<AuthRule>emptyList(), false);
        assertSame(none.decide("GET", "/x", null), none.decide("POST", "/y", null));
    }

    @Test
    void requiredScopesMustAllBeGranted() {
        Requirement requirement = Requirement.anyOf(List.of(CredentialKind.JWT), List.of("orders:read", "orders:write"));
        assertTrue(requirement.isGrantedBy(List.of("orders:write", "orders:read", "other")));
        assertFalse(requirement.isGrantedBy(List.of("orders:read")));
        assertFalse(requirement.isGrantedBy(List.of("ORDERS:READ", "ORDERS:WRITE")), "scopes are case-sensitive");
    }

    @Test
    void noScopesMeansAnyCredentialOfTheKind() {
        assertTrue(Requirement.anyOf(List.of(CredentialKind.API_KEY), null).isGrantedBy(List.of()));
    }

    @Test
    void anyOfRejectsNothingAndWebhook() {
        assertThrows(IllegalArgumentException.class, () -> Requirement.anyOf(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Requirement.anyOf(List.of(CredentialKind.WEBHOOK), List.of()));
    }

    @Test
    void scopesThatCannotBeWrittenInAChallengeAreRejected() {
        for (String scope : List.of("two words", "quo\"te", "back\\slash", "", "\u00e9")) {
            assertThrows(IllegalArgumentException.class,
                    () -> Requirement.anyOf(List.of(CredentialKind.JWT), List.of(scope)), scope);
        }
    }

    @Test
    void credentialWordsAreTheConfigWords() {
        assertEquals(CredentialKind.API_KEY, CredentialKind.fromWord("api_key"));
        assertEquals(CredentialKind.JWT, CredentialKind.fromWord("JWT"));
        assertThrows(IllegalArgumentException.class, () -> CredentialKind.fromWord("basic"));
    }

    @Test
    void handlerMustNameClassAndMethod() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new AuthRule("auth.rules[7]", null, null, "refund", Requirement.publicAccess()));
        assertTrue(error.getMessage().startsWith("auth.rules[7].match.handler"), error.getMessage());
    }
}
