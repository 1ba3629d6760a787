package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A token, secret or API key right after the word that names it ({@link ProseSecrets}). */
class ProseSecretsTest {
    private final Masker masker = Masker.builder().detectors("password_kv").build();
    private final Masker allDetectors = Masker.builder().build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Created token Xk9mP2qLw8zT4vR7nB3c for user alice | Created token [PASSWORD_KV] for user alice",
        "Generated API key Xk9mP2qLw8zT4vR7nB3c for tenant acme | Generated API key [PASSWORD_KV] for tenant acme",
        "Your API key is sk9Xk2mPq7LwT4zR8vN3 | Your API key is [PASSWORD_KV]",
        "api key Xk9mP2qLw8zT4vR7nB3c revoked | api key [PASSWORD_KV] revoked",
        "Issued token Xk9mP2qLw8zT4vR7nB3c to client web | Issued token [PASSWORD_KV] to client web",
        "Using access token Xk9mP2qLw8zT4vR7nB3c. | Using access token [PASSWORD_KV].",
        "refresh token 1//0gXk9mP2qLw8zT4vR7nB3c expired | refresh token [PASSWORD_KV] expired",
        "client secret Xk9mP2qLw8zT4vR7nB3c, rotating | client secret [PASSWORD_KV], rotating",
        "Secret was: Xk9mP2qLw8zT4vR7nB3c | Secret was: [PASSWORD_KV]",
        "TOKEN Xk9mP2qLw8zT4vR7nB3c | TOKEN [PASSWORD_KV]",
        "License key ABCD1234EFGH5678IJKL accepted | License key [PASSWORD_KV] accepted",
        "secret-key dGhpcyBpcyBhIHNlY3JldCBrZXk9PQ== loaded | secret-key [PASSWORD_KV] loaded",
        "Issued token 7f3a2b1c-9d4e-4f60-8182-93a4b5c6d7e8 | Issued token [PASSWORD_KV]",
        "secret key 8f14e45fceea167a5a36dedd4bea2543 | secret key [PASSWORD_KV]",
        "token 'Xk9mP2qLw8zT4vR7nB3c' rejected | token '[PASSWORD_KV]' rejected",
        "Vault token hvs.CAESIJ9kX2mPq7LwT4zR8vN3bQ5yH1jU6gF0dS2a | Vault token [PASSWORD_KV]",
        "bootstrap token x7k2pq9m4n8b3v6c1z5l | bootstrap token [PASSWORD_KV]",
        "API key set to Xk9mP2qLw8zT4vR7nB3c | API key set to [PASSWORD_KV]",
        "Token [Xk9mP2qLw8zT4vR7nB3c] expired | Token [[PASSWORD_KV]] expired",
        // What a message says of the token, then a colon: log.warn("Token expired: {}", token).
        "Token expired: Xk9mP2qLw8zT4vR7nB3c | Token expired: [PASSWORD_KV]",
        "Token rejected: Xk9mP2qLw8zT4vR7nB3c | Token rejected: [PASSWORD_KV]",
        "API key revoked: Xk9mP2qLw8zT4vR7nB3c | API key revoked: [PASSWORD_KV]",
        "token not found: Xk9mP2qLw8zT4vR7nB3c. | token not found: [PASSWORD_KV].",
        // Whose it is, then a link: log.info("Client secret for client '{}' is {}", id, secret).
        "Client secret for client 'orders' is Xk9mP2qLw8zT4vR7nB3c | Client secret for client 'orders' is [PASSWORD_KV]",
        "API key of tenant acme: Xk9mP2qLw8zT4vR7nB3c | API key of tenant acme: [PASSWORD_KV]",
        "token for user bob was Xk9mP2qLw8zT4vR7nB3c | token for user bob was [PASSWORD_KV]",
    })
    void masksOnlyTheValueAfterTheNoun(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "token validation failed for client web",
        "Refreshing token for client 7f3a2b1c-9d4e-4f60-8182-93a4b5c6d7e8",
        "token for client web is invalid", "secret of tenant acme is MountedFromVault2024",
        "access token expired at 2026-12-05T10:00:00Z",
        "key not found in cache",
        "Loaded key store from /etc/keys/app.jks",
        "Token endpoint https://auth.example.com/token responded 200",
        "cache key 7f3a2b1c-9d4e-4f60-8182-93a4b5c6d7e8 evicted", // a key that is data: no kind before it
        "Idempotency key 7f3a2b1c-9d4e-4f60-8182-93a4b5c6d7e8 seen twice",
        "primary key 12345678901234567890 exists",
        "key com.example.CacheKey@1a2b3c evicted",
        "token TOKEN_TYPE_BEARER selected",
        "secret \"default-token-x7k2p\" not found", // a Kubernetes object's name
        "Mounted secret prod-db-credentials-2024 into /var/run",
        "secret /etc/secrets/db-password-2024 read",
        "token MyAppSessionToken2024 created", // a name in camel case
        "secret SECRET_NAME_V2_PRODUCTION missing",
        "token 12345678901234567890 issued", // a number, no letter
        "token Xk9mP2qLw8zT4vR7nB3c@example.com", // not ended as a sentence is
        "Unexpected token abcdefghijklmnopqrstuvw", // a word, no digit
        "keystore Xk9mP2qLw8zT4vR7nB3c", // not the noun
        "tokens Xk9mP2qLw8zT4vR7nB3c",
        "token Xk9mP2q", // too short
        "API key id 3f2a9b8c7d6e5f4a3f2a9b8c7d6e5f4a",
        "signing key 4AEE18F83AFDEB23 expires", // a key's id after a kind that names no credential
        "token [main] expired", "secret [PASSWORD_KV] rotated", // a word; one of our markers
        "Token expired: 2026-12-05T10:00:00Z", "token mismatch: expected abc got def", // no credential after the colon
        "Secret rotated: db-password-2024", "token is not valid: signature failed",
        "Token has expired since yesterday: x7k2pq9m4n8b3v6c1z5l", // more than two words before the colon
    })
    void leavesDataThatNamesNoCredential(String text) {
        assertEquals(text, masker.mask(text));
    }

    /** The noun as the last part of a name joined by '_', as {@code log.info("access_token {}", t)} writes it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "access_token Xk9mP2qLw8zT4vR7nB3cQ1 | access_token [PASSWORD_KV]",
        "ACCESS_TOKEN Xk9mP2qLw8zT4vR7nB3cQ1 | ACCESS_TOKEN [PASSWORD_KV]",
        "got refresh_token Xk9mP2qLw8zT4vR7nB3cQ1 for bob | got refresh_token [PASSWORD_KV] for bob",
        "client_secret 7f3a9c2b1d4e5f60718293a4b5c6d7e8 | client_secret [PASSWORD_KV]",
        "api_key Xk9mP2qLw8zT4vR7nB3cQ1 | api_key [PASSWORD_KV]",
        "stripe_api_key Xk9mP2qLw8zT4vR7nB3cQ1 | stripe_api_key [PASSWORD_KV]",
        "STRIPE_API_KEY Xk9mP2qLw8zT4vR7nB3cQ1 | STRIPE_API_KEY [PASSWORD_KV]",
        "user_id 12345 access_token is Xk9mP2qLw8zT4vR7nB3cQ1. | user_id 12345 access_token is [PASSWORD_KV].",
        "csrf_token 'Xk9mP2qLw8zT4vR7nB3cQ1' | csrf_token '[PASSWORD_KV]'",
        "x_auth_secret [Xk9mP2qLw8zT4vR7nB3cQ1] | x_auth_secret [[PASSWORD_KV]]",
        // In camel case: the capital of the last word after a lower-case letter or digit.
        "apiKey Xk9mP2qLw8zT4vR7nB3cQ1 | apiKey [PASSWORD_KV]",
        "myApiKey Xk9mP2qLw8zT4vR7nB3cQ1 | myApiKey [PASSWORD_KV]",
        "Using accessToken Xk9mP2qLw8zT4vR7nB3cQ1 for the call | Using accessToken [PASSWORD_KV] for the call",
        "clientSecret 7f3a9c2b1d4e5f60718293a4b5c6d7e8 | clientSecret [PASSWORD_KV]",
        "oauth2Token is Xk9mP2qLw8zT4vR7nB3cQ1. | oauth2Token is [PASSWORD_KV].",
    })
    void masksTheValueAfterANameEndingInTheNoun(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cache_key Xk9mP2qLw8zT4vR7nB3cQ1", // a key that is data
        "sort_key 7f3a2b1c-9d4e-4f60-8182-93a4b5c6d7e8",
        "invalid_token error for client web", // a word
        "my_token_store initialised", // the noun is not the name's last part
        "x_secret_name prod-db-credentials-2024",
        "next_token eyJwYWdlIjoy", // too short
        "auth_tokens Xk9mP2qLw8zT4vR7nB3cQ1", // not the noun
        "session_token SESSION_TOKEN_V2_PROD",
        "_token Xk9mP2q",
        "cacheKey Xk9mP2qLw8zT4vR7nB3cQ1", "primaryKey 7f3a2b1c-9d4e-4f60-8182-93a4b5c6d7e8", // keys that are data
        "nextPageToken eyJwYWdl", "isTokenValid true", "getToken returned Xk9mP2qLw8zT4vR7nB3cQ1",
        "accessTokens Xk9mP2qLw8zT4vR7nB3cQ1", "mySecretName prod-db-credentials-2024",
    })
    void leavesNamesEndingInTheNounBeforeData(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // A value of a kind with its own detector is named by it; the rest by password_kv.
        "Your API key is sk-proj-Xk9mP2qLw8zT4vR7nB3cT3BlbkFJXk9mP2qLw8zT4vR7nB3c | Your API key is [OPENAI_KEY]",
        "Issued token 7f3a2b1c-9d4e-4f60-8182-93a4b5c6d7e8 to bob | Issued token [PASSWORD_KV] to bob",
        "Generated API key 4111111111111111xK9mP2qLw8zT for acme | Generated API key [PASSWORD_KV] for acme",
        "order 7781 shipped to the north-7 route | order 7781 shipped to the north-7 route",
    })
    void withEveryDetectorTheValueIsMaskedOnce(String text, String masked) {
        assertEquals(masked, allDetectors.mask(text));
    }
}
