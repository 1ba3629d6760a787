package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/admin/..;/x, /api/x",
            "//api//admin, /api/admin",
            "/api/./admin, /api/admin",
            "/api/%61dmin, /api/admin",
            "/api/%2e%2e/admin, /admin",
            "/api/%2E%2E/admin, /admin",
            "/api/.%2e/admin, /admin",
            "/api/admin;jsessionid=ABC123, /api/admin",
            "/api;x=1/admin;y=2/orders, /api/admin/orders",
            "/api/admin/, /api/admin",
            "/api/admin/., /api/admin",
            "/, /",
            "//, /",
            "/api/admin?x=/../public, /api/admin",
            "/api/a/b/../../admin, /api/admin",
            "/api/..., /api/...",
            "/api/%7euser, /api/~user",
    })
    void canonicalPathOfEachSpelling(String raw, String canonical) {
        assertEquals(canonical, RequestPaths.normalise(raw));
    }

    @Test
    void doubleEncodedDotStaysLiteralText() {
        assertNull(RequestPaths.normalise("/api/%252e%252e/admin"), "an encoded '%' is double encoding: rejected");
    }

    @Test
    void encodedSemicolonIsDataNotAParameter() {
        assertEquals("/api/admin%3Bx", RequestPaths.normalise("/api/admin%3bx"));
    }

    @Test
    void reservedEscapesAreKeptInUpperCase() {
        assertEquals("/files/a%20b%3F", RequestPaths.normalise("/files/a%20b%3f"));
    }

    @Test
    void caseOfLettersIsKept() {
        assertEquals("/API/Admin", RequestPaths.normalise("/API/Admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/API/..%2fadmin", "/api/%2Fadmin", "/api%5cadmin", "/api%5Cadmin", "/api\\admin", "/api/..\\admin",
            "/api/admin%00.json", "/api/admin\u0000", "/api/\nadmin", "/..", "/../admin", "/api/../../admin",
            "/%2e%2e/admin", "/api/%zz", "/api/%4", "/api/%", "/api/%%61", "/api/%\uff11\uff11", "api/admin",
            "", "*", "http://host/api", "/api#frag", "/api/%252e",
    })
    void rejectsWhatContainersReadDifferently(String raw) {
        assertNull(RequestPaths.normalise(raw), raw);
    }

    @Test
    void rejectsNull() {
        assertNull(RequestPaths.normalise(null));
    }

    @Test
    void normalisingIsIdempotentAndTheResultHasNoTrickLeft() {
        Random random = new Random(20240611L);
        String[] pieces = {"/", "/", "//", "a", "B", ".", "..", ";", ";x=1", "%2e", "%2E", "%2f", "%5c", "%00",
                "%25", "%61", "%3b", "%20", "%", "%4", "%zz", "\\", "?", "#", "~", "-", "\u00e9", "\u0000", "api", "admin"};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder raw = new StringBuilder(random.nextInt(4) == 0 ? "" : "/");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            String canonical = RequestPaths.normalise(raw.toString());
            if (canonical == null) {
                continue;
            }
            String lower = canonical.toLowerCase(Locale.ROOT);
            assertEquals(canonical, RequestPaths.normalise(canonical), raw.toString());
            assertTrue(canonical.startsWith("/"), raw.toString());
            assertFalse(canonical.contains("//"), raw.toString());
            assertFalse((canonical + "/").contains("/./"), raw.toString());
            assertFalse((canonical + "/").contains("/../"), raw.toString());
            assertFalse(canonical.contains(";"), raw.toString());
            assertFalse(lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c"), raw.toString());
            assertFalse(canonical.contains("\\") || canonical.contains("?"), raw.toString());
            assertFalse(canonical.length() > 1 && canonical.endsWith("/"), raw.toString());
        }
    }

    @Test
    void neverThrowsOnArbitraryChars() {
        Random random = new Random(7L);
        for (int i = 0; i < 50_000; i++) {
            char[] chars = new char[random.nextInt(20)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : "/.%;?#\\2eEfF5c0".charAt(random.nextInt(15));
            }
            RequestPaths.normalise(new String(chars));
        }
    }
}
