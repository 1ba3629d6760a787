package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private static String body(AuthAnswer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void refusedTokenIsA401WithTheInvalidTokenChallenge() {
        AuthAnswer answer = ProblemResponses.invalidToken("orders-api");
        assertEquals(401, answer.status());
        assertEquals("Bearer realm=\"orders-api\", error=\"invalid_token\"", answer.header("WWW-Authenticate"));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"error\":\"invalid_token\"}",
                body(answer));
    }

    @Test
    void missingCredentialIsA401WithABareChallenge() {
        AuthAnswer answer = ProblemResponses.missingCredential("orders-api");
        assertEquals(401, answer.status());
        assertEquals("Bearer realm=\"orders-api\"", answer.header("WWW-Authenticate"));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}", body(answer));
    }

    @Test
    void missingScopeIsA403NamingEveryRequiredScope() {
        AuthAnswer answer = ProblemResponses.insufficientScope("orders-api", List.of("orders:read", "orders:write"));
        assertEquals(403, answer.status());
        assertEquals("Bearer realm=\"orders-api\", error=\"insufficient_scope\", scope=\"orders:read orders:write\"",
                answer.header("WWW-Authenticate"));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"error\":\"insufficient_scope\"}",
                body(answer));
    }

    @Test
    void tooManyRequestsIsA429WithRetryAfterRoundedUp() {
        AuthAnswer answer = ProblemResponses.tooManyRequests(Duration.ofMillis(1200));
        assertEquals(429, answer.status());
        assertEquals("2", answer.header("Retry-After"));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429}", body(answer));
    }

    @Test
    void retryAfterIsNeverZero() {
        assertEquals("1", ProblemResponses.tooManyRequests(Duration.ZERO).header("Retry-After"));
    }

    @Test
    void deniedRouteIsA403WithoutChallenge() {
        AuthAnswer answer = ProblemResponses.forbidden();
        assertEquals(403, answer.status());
        assertNull(answer.header("WWW-Authenticate"));
    }

    @Test
    void rejectedPathIsA400() {
        assertEquals(400, ProblemResponses.badRequest().status());
    }

    @Test
    void everyAnswerIsProblemJsonAndNotCached() {
        for (AuthAnswer answer : List.of(ProblemResponses.invalidToken("r"), ProblemResponses.missingCredential("r"),
                ProblemResponses.insufficientScope("r", List.of("a")), ProblemResponses.forbidden(),
                ProblemResponses.badRequest(), ProblemResponses.tooManyRequests(Duration.ofSeconds(1)))) {
            assertEquals("application/problem+json", answer.header("content-type"), answer.toString());
            assertEquals("no-store", answer.header("Cache-Control"), answer.toString());
            assertFalse(body(answer).contains("detail"), "no reason reaches the client");
        }
    }

    @Test
    void aRealmCannotBreakOutOfItsQuotes() {
        assertEquals("Bearer realm=\"a\\\"b\\\\c\"", ProblemResponses.missingCredential("a\"b\\c\r\n").header("WWW-Authenticate"));
    }

    @Test
    void theBodyCannotBeChangedThroughTheAnswer() {
        AuthAnswer answer = ProblemResponses.forbidden();
        answer.body()[0] = 'X';
        assertEquals('{', answer.body()[0]);
    }

    @Test
    void aBrowserGetsAPageAndAnApiClientTheProblemJson() {
        AuthAnswer refusal = ProblemResponses.invalidToken("orders");
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        AuthAnswer page = ProblemResponses.negotiated(refusal, browser);
        assertEquals(401, page.status());
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertEquals(refusal.header("WWW-Authenticate"), page.header("WWW-Authenticate"), "the challenge stays");
        assertEquals("no-store", page.header("Cache-Control"));
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<title>401 Unauthorized</title>"));

        for (String api : new String[] {null, "*/*", "application/json", "application/problem+json",
            "text/html;q=0.5, application/json", "application/*, text/html;q=0.9", "TEXT/HTML;q=0, */*",
            "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", "text/html",
            "text/html,application/xhtml+xml;q=0.9,application/json"}) {
            assertSame(refusal, ProblemResponses.negotiated(refusal, api), String.valueOf(api));
        }
        AuthAnswer limited = ProblemResponses.negotiated(ProblemResponses.tooManyRequests(Duration.ofSeconds(3)),
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals("3", limited.header("Retry-After"));
        assertEquals("text/html; charset=utf-8", limited.header("Content-Type"));
    }
}
