package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyVerifierTest {
    private static final String PARTNER_A_KEY = "pk_live_4f1c9a7e2b8d4c6f9e0a1b2c3d4e5f60";
    private static final String PARTNER_B_KEY = "pk_live_0000aaaa1111bbbb2222cccc3333dddd";

    private final ApiKeyVerifier verifier = new ApiKeyVerifier("X-API-Key", List.of(
            new ApiKey("partner-a", sha256Hex(PARTNER_A_KEY), "acme", List.of("orders:read")),
            new ApiKey("partner-b", sha256Hex(PARTNER_B_KEY), null, null)));

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aConfiguredKeyGivesItsIdTenantAndScopes() {
        Verification result = verifier.verify(PARTNER_A_KEY);
        assertTrue(result.isAccepted());
        assertEquals("partner-a", result.authenticated().principal());
        assertEquals("acme", result.authenticated().tenant());
        assertEquals(Set.of("orders:read"), result.authenticated().scopes());
        assertEquals(CredentialKind.API_KEY, result.authenticated().kind());
    }

    @Test
    void aKeyWithoutTenantOrScopesHasNone() {
        Verification result = verifier.verify(PARTNER_B_KEY);
        assertEquals("partner-b", result.authenticated().principal());
        assertNull(result.authenticated().tenant());
        assertTrue(result.authenticated().scopes().isEmpty());
    }

    @Test
    void keysOfEveryLengthAndAlphabetAreHashedAsTheirUtf8Bytes() {
        String[] keys = {"k", "pk_caf\u00e9_\u20ac_\ud83d\ude00", "x".repeat(256), "y".repeat(257), "z".repeat(4000),
            "\u00e9" + "a".repeat(300)};
        for (int i = 0; i < keys.length; i++) {
            ApiKeyVerifier one = new ApiKeyVerifier("X-API-Key", List.of(new ApiKey("k" + i, sha256Hex(keys[i]), null, null)));
            // Each after a longer and a non-ASCII key on the same thread: nothing of those is left over.
            verifier.verify("w".repeat(300));
            verifier.verify("\u00e9t\u00e9");
            assertTrue(one.verify(keys[i]).isAccepted(), keys[i]);
            assertFalse(one.verify(keys[i] + " ").isAccepted(), keys[i]);
        }
    }

    @Test
    void anUnknownKeyIsInvalid() {
        Verification result = verifier.verify(PARTNER_A_KEY + "x");
        assertEquals(Verification.Outcome.INVALID, result.outcome());
        assertNull(result.authenticated());
    }

    @Test
    void theDigestItselfIsNotAKey() {
        assertFalse(verifier.verify(sha256Hex(PARTNER_A_KEY)).isAccepted());
    }

    @Test
    void noHeaderIsMissingNotInvalid() {
        assertEquals(Verification.Outcome.MISSING, verifier.verify(null).outcome());
        assertEquals(Verification.Outcome.MISSING, verifier.verify("").outcome());
        assertEquals("no X-API-Key header", verifier.verify(null).reason());
    }

    @Test
    void upperCaseDigestInTheConfigIsAccepted() {
        ApiKeyVerifier upper = new ApiKeyVerifier("X-API-Key",
                List.of(new ApiKey("a", sha256Hex(PARTNER_A_KEY).toUpperCase(), null, null)));
        assertTrue(upper.verify(PARTNER_A_KEY).isAccepted());
    }

    @Test
    void aKeyWrittenInPlaceOfItsDigestIsAConfigError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ApiKey("partner-a", PARTNER_A_KEY, null, null));
        assertTrue(error.getMessage().startsWith("api key partner-a: sha256 must be"), error.getMessage());
        assertFalse(error.getMessage().contains(PARTNER_A_KEY), "a config error never prints the secret");
    }

    @Test
    void twoKeysWithOneDigestAreAConfigError() {
        assertThrows(IllegalArgumentException.class, () -> new ApiKeyVerifier("X-API-Key", List.of(
                new ApiKey("a", sha256Hex(PARTNER_A_KEY), null, null),
                new ApiKey("b", sha256Hex(PARTNER_A_KEY), null, null))));
    }

    @Test
    void twoKeysWithOneIdAreAConfigError() {
        assertThrows(IllegalArgumentException.class, () -> new ApiKeyVerifier("X-API-Key", List.of(
                new ApiKey("a", sha256Hex(PARTNER_A_KEY), null, null),
                new ApiKey("a", sha256Hex(PARTNER_B_KEY), null, null))));
    }

    @Test
    void onlyTheExactKeyIsAccepted() {
        Random random = new Random(99L);
        for (int i = 0; i < 2_000; i++) {
            char[] mutated = PARTNER_A_KEY.toCharArray();
            int position = random.nextInt(mutated.length);
            mutated[position] = (char) (mutated[position] ^ (1 + random.nextInt(0x7e)));
            assertFalse(verifier.verify(new String(mutated)).isAccepted(), new String(mutated));
        }
    }
}
