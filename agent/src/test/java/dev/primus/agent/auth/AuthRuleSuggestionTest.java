package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AuthRuleSuggestionTest {
    private static String event(String type, String outcome, String method, String route, String principal) {
        return "{\"ts\":\"2026-12-03T10:00:00.000Z\",\"seq\":1,\"service\":\"s\",\"host\":\"h\",\"pid\":1,\"type\":\"" + type
                + "\",\"outcome\":\"" + outcome + "\",\"mode\":\"monitor\",\"rule\":\"auth.default\",\"reason\":\"r\""
                + (principal == null ? "" : ",\"principal\":\"" + principal + "\"") + ",\"client_ip\":\"127.0.0.1\",\"method\":\""
                + method + "\",\"route\":\"" + route + "\"}";
    }

    @Test
    void foldsIdsIntoWildcardsAndPutsLiteralRoutesFirst() {
        AuthRuleSuggestion suggestion = new AuthRuleSuggestion();
        suggestion.add(event("authz", "would_deny", "GET", "/orders/1042", null));
        suggestion.add(event("authz", "would_deny", "GET", "/orders/7", "alice"));
        suggestion.add(event("authz", "would_deny", "DELETE", "/orders/3f2b8c1e-9a4d-4c7b-8e21-5d6f7a8b9c0d", null));
        suggestion.add(event("authz", "would_deny", "POST", "/orders", null));
        suggestion.add(event("authz", "would_deny", "GET", "/health", null));
        suggestion.add(event("webhook", "would_deny", "POST", "/hooks/stripe", null));
        suggestion.add(event("egress", "would_deny", "GET", "/not-auth", null));
        suggestion.add("[primus] a line of the agent's own");
        assertEquals(6, suggestion.events());
        assertEquals("auth:\n  default: deny\n  rules:\n"
                + "    - match: { path: \"/health\", methods: [GET] }\n"
                + "      require: public   # a health check\n"
                + "    - match: { path: \"/hooks/stripe\", methods: [POST] }\n"
                + "      require: { any_of: [jwt, api_key] }   # 1 request, 0 with an authenticated caller; webhook events: "
                + "use { webhook: ID } of its auth.webhooks entry\n"
                + "    - match: { path: \"/orders\", methods: [POST] }\n"
                + "      require: { any_of: [jwt, api_key] }   # 1 request, 0 with an authenticated caller\n"
                + "    - match: { path: \"/orders/*\", methods: [DELETE, GET] }\n"
                + "      require: { any_of: [jwt, api_key] }   # 3 requests, 1 with an authenticated caller\n",
                suggestion.toYaml());
    }

    @Test
    void aPathARuleCannotNameIsLeftOut() {
        assertNull(AuthRuleSuggestion.template("/a\"b"));
        assertNull(AuthRuleSuggestion.template("relative"));
        assertEquals("/v1/users/*/keys/*", AuthRuleSuggestion.template("/v1/users/42/keys/0123456789abcdef0123"));
    }
}
