package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

    @Test
    void exactPatternMatchesOnlyThatPath() {
        PathPattern health = PathPattern.parse("/health");
        assertTrue(health.matches("/health"));
        assertFalse(health.matches("/health/deep"));
        assertFalse(health.matches("/healthz"));
        assertFalse(health.matches("/"));
    }

    @Test
    void literalSegmentsMatchIgnoringCaseOrExactlyAsAsked() {
        PathPattern files = PathPattern.parse("/files/public/*");
        assertTrue(files.matches("/FILES/Public/x"));
        assertFalse(files.matchesExactly("/FILES/Public/x"));
        assertTrue(files.matchesExactly("/files/public/X"));
    }

    @Test
    void singleStarMatchesExactlyOneSegment() {
        PathPattern pattern = PathPattern.parse("/api/*");
        assertTrue(pattern.matches("/api/orders"));
        assertFalse(pattern.matches("/api"));
        assertFalse(pattern.matches("/api/orders/1"));
    }

    @Test
    void doubleStarMatchesAnyDepthAndTheRootItself() {
        PathPattern pattern = PathPattern.parse("/api/admin/**");
        assertTrue(pattern.matches("/api/admin"));
        assertTrue(pattern.matches("/api/admin/users"));
        assertTrue(pattern.matches("/api/admin/users/1/roles"));
        assertFalse(pattern.matches("/api/administrator"));
        assertFalse(pattern.matches("/api"));
    }

    @Test
    void rootDoubleStarMatchesEverything() {
        PathPattern pattern = PathPattern.parse("/**");
        assertTrue(pattern.matches("/"));
        assertTrue(pattern.matches("/a/b/c"));
    }

    @Test
    void rootPatternMatchesOnlyRoot() {
        PathPattern root = PathPattern.parse("/");
        assertTrue(root.matches("/"));
        assertFalse(root.matches("/a"));
    }

    @Test
    void namedSegmentMatchesOneSegment() {
        PathPattern pattern = PathPattern.parse("/orders/{id}/refund");
        assertTrue(pattern.matches("/orders/42/refund"));
        assertFalse(pattern.matches("/orders/refund"));
        assertFalse(pattern.matches("/orders/42/43/refund"));
    }

    @Test
    void literalSegmentsIgnoreCase() {
        assertTrue(PathPattern.parse("/api/admin/**").matches("/API/Admin/users"));
    }

    @Test
    void trailingSlashInThePatternIsTheSameAsNone() {
        assertTrue(PathPattern.parse("/health/").matches("/health"));
    }

    @Test
    void literalIsCanonicalisedLikeARequestPath() {
        assertTrue(PathPattern.parse("/%61pi/a%3bb").matches("/api/a%3Bb"));
    }

    @Test
    void anEncodedColonAndARawColonAreTheSamePath() {
        PathPattern pattern = PathPattern.parse("/v1/orders/{id}/items:cancel");
        assertTrue(pattern.matches(RequestPaths.normalise("/v1/orders/1/items:cancel")));
        assertTrue(pattern.matches(RequestPaths.normalise("/v1/orders/1/items%3Acancel")));
        assertTrue(PathPattern.parse("/v1/orders/1%3acancel").matches(RequestPaths.normalise("/v1/orders/1:cancel")));
    }

    @Test
    void aPatternWrittenRawMatchesBothSpellings() {
        PathPattern pattern = PathPattern.parse("/users/a@b.com/keys/x+y,z=$");
        assertTrue(pattern.matches(RequestPaths.normalise("/users/a@b.com/keys/x+y,z=$")));
        assertTrue(pattern.matches(RequestPaths.normalise("/users/a%40b.com/keys/x%2By%2Cz%3D%24")));
        assertTrue(PathPattern.parse("/users/a%40b.com/keys/x%2by%2cz%3d%24")
                .matches(RequestPaths.normalise("/users/a@b.com/keys/x+y,z=$")));
    }

    @Test
    void aNonAsciiSegmentMatchesItsPercentEncodedSpelling() {
        PathPattern pattern = PathPattern.parse("/caf\u00e9/**");
        assertTrue(pattern.matches(RequestPaths.normalise("/caf%C3%A9/menu")));
        assertTrue(pattern.matches(RequestPaths.normalise("/caf%c3%a9")));
        assertTrue(pattern.matches(RequestPaths.normalise("/caf\u00e9/menu")));
        assertTrue(pattern.matches(RequestPaths.normalise("/CAF%C3%A9/menu")), "ASCII letters ignore case");
        assertFalse(pattern.matches(RequestPaths.normalise("/CAF%C3%89/menu")), "only ASCII letters ignore case");
        assertFalse(pattern.matches(RequestPaths.normalise("/cafe/menu")));
        assertTrue(PathPattern.parse("/caf%C3%A9").matches(RequestPaths.normalise("/caf\u00e9")));
    }

    @Test
    void anEscapedStarInALiteralIsNotAWildcard() {
        PathPattern pattern = PathPattern.parse("/files/%2A");
        assertTrue(pattern.matches(RequestPaths.normalise("/files/*")));
        assertTrue(pattern.matches(RequestPaths.normalise("/files/%2a")));
        assertFalse(pattern.matches(RequestPaths.normalise("/files/report")));
        assertTrue(PathPattern.parse("/files/%7Bid%7D").matches("/files/{id}"));
        assertFalse(PathPattern.parse("/files/%7Bid%7D").matches("/files/42"));
    }

    @Test
    void anEscapedDelimiterIsALiteral() {
        assertTrue(PathPattern.parse("/a%3Fb/c%23d").matches(RequestPaths.normalise("/a%3fb/c%23d")));
    }

    @Test
    void matchesOnlyCanonicalPaths() {
        PathPattern pattern = PathPattern.parse("/api/*");
        assertFalse(pattern.matches(null));
        assertFalse(pattern.matches("api/x"));
        assertFalse(pattern.matches("/api/"), "an empty segment is not a segment");
    }

    @Test
    void keepsTheTextAsWrittenForAudit() {
        assertEquals("/orders/{id}", PathPattern.parse("/orders/{id}").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "", "/api/**/x", "/api/a*", "/api/{id", "/api/{}", "/api/../admin", "/api/./x",
            "//api", "/api//x", "/api/%2f", "/api/a;b", "/api/x?y", "/api/%zz", "/api/a\\b", "/api/%C3", "/api/%C0%AE", "/api/%0A",
            "/api/%25", "/api/%2e%2e", "/api/a#b"})
    void rejectsPatternsThatCouldBeMisread(String pattern) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));
        assertTrue(error.getMessage().contains("\"" + pattern + "\""), error.getMessage());
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(null));
    }

    @Test
    void onlyAsciiLettersIgnoreCase() {
        PathPattern admin = PathPattern.parse("/admin/**");
        assertTrue(admin.matches("/ADMIN/x"));
        assertFalse(admin.matches("/adm\u0131n/x"), "dotless i");
        assertFalse(PathPattern.parse("/kelvin").matches("/\u212Aelvin"), "Kelvin sign");
    }
}
