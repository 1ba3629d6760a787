package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AllowlistSuggestionTest {
    private static String event(String outcome, String host, int port) {
        return event(outcome, host, port, "egress.default");
    }

    private static String event(String outcome, String host, int port, String rule) {
        return "{\"ts\":\"2026-11-23T00:00:00.000Z\",\"seq\":1,\"service\":\"s\",\"host\":\"h\",\"pid\":1,\"type\":\"egress\","
                + "\"outcome\":\"" + outcome + "\",\"mode\":\"monitor\",\"rule\":\"" + rule + "\",\"reason\":\"r\","
                + "\"target\":{\"host\":\"" + host + "\",\"port\":" + port + "}}";
    }

    @Test
    void coversEveryDestinationSeenWithItsPorts() {
        AllowlistSuggestion suggestion = new AllowlistSuggestion();
        suggestion.add(event("would_deny", "API.Stripe.com", 443));
        suggestion.add(event("would_deny", "api.stripe.com", 8443));
        suggestion.add(event("allowed", "10.1.2.3", 5432));
        suggestion.add(event("would_deny", "fd00::5", 80));
        suggestion.add("{\"type\":\"agent\",\"outcome\":\"allowed\"}");
        assertEquals(4, suggestion.events());
        assertEquals("egress:\n  allow:\n"
                + "    - cidr: 10.1.2.3/32\n      ports: [5432]\n"
                + "    - host: api.stripe.com\n      ports: [443, 8443]\n"
                + "    - cidr: fd00:0:0:0:0:0:0:5/128\n      ports: [80]\n", suggestion.toYaml());
    }

    @Test
    void neverSuggestsWhatADenyRuleMetadataOrRequireTlsRefused() {
        AllowlistSuggestion suggestion = new AllowlistSuggestion();
        suggestion.add(event("would_deny", "169.254.169.254", 80, "egress.builtin.cloud_metadata"));
        suggestion.add(event("denied", "10.9.0.1", 22, "egress.deny[0]"));
        suggestion.add(event("would_deny", "api.example.com", 80, "egress.require_tls"));
        assertEquals(0, suggestion.events());
        assertEquals("egress:\n  allow: []\n", suggestion.toYaml());
    }
}
