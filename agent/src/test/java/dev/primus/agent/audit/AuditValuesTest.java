package dev.primus.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A request's path as the trail writes it: its secrets replaced by their markers, a clean one left as it is. */
class AuditValuesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://hooks.slack.com:443/services/T0A1B2C3D/B0A1B2C3D/q7w8e9r0t1y2u3i4o5p6a7s8"
            + " | https://hooks.slack.com:443/services/[SLACK_WEBHOOK]",
        "https://discord.com:443/api/webhooks/1234567890123456789/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMn"
            + "OpQrStUvWxYz0123 | https://discord.com:443/api/webhooks/1234567890123456789/[URL_CREDENTIALS]",
        "/api/customers/jane.roe@example.org/orders | /api/customers/[EMAIL]/orders",
        "/callback/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
            + " | /callback/[JWT]",
        "/account/reset-password/550e8400-e29b-41d4-a716-446655440000 | /account/reset-password/[PASSWORD_KV]",
    })
    void masksTheSecretsAPathHolds(String path, String written) {
        assertEquals(written, AuditValues.withoutSecrets(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders", "https://api.example.com:443/v1/charges", "/api/orders/42/items"})
    void leavesACleanPathAsItIs(String path) {
        assertSame(path, AuditValues.withoutSecrets(path));
    }

    @Test
    void nullStaysNull() {
        assertNull(AuditValues.withoutSecrets(null));
    }
}
