package dev.primus.agent.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
            "/v1/orders/1%3Acancel, /v1/orders/1:cancel",
            "/users/a%40b.com, /users/a@b.com",
            "'/a%2Bb%24c%2Cd%3De', '/a+b$c,d=e'",
            "/caf%C3%A9/menu, /caf\u00e9/menu",
            "/api/%2e%2e;x/admin, /admin",
            "/a;x=1/b, /a/b",
            "/a%3Bx=1/b, /a%3Bx=1/b",
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
    void everyEscapeIsDecodedButThoseOfDelimiters() {
        assertEquals("/files/a b%3F%23", RequestPaths.normalise("/files/a%20b%3f%23"));
    }

    @Test
    void anEncodedColonAndARawColonAreTheSamePath() {
        assertEquals("/v1/orders/1:cancel", RequestPaths.normalise("/v1/orders/1%3Acancel"));
        assertEquals("/v1/orders/1:cancel", RequestPaths.normalise("/v1/orders/1%3acancel"));
        assertEquals("/v1/orders/1:cancel", RequestPaths.normalise("/v1/orders/1:cancel"));
    }

    @Test
    void aNonAsciiSegmentMatchesItsPercentEncodedSpelling() {
        assertEquals("/caf\u00e9", RequestPaths.normalise("/caf%C3%A9"));
        assertEquals("/caf\u00e9", RequestPaths.normalise("/caf%c3%a9"));
        assertEquals("/caf\u00e9", RequestPaths.normalise("/caf\u00e9"));
        assertEquals("/\u20ac/\ud83d\ude00", RequestPaths.normalise("/%E2%82%AC/%F0%9F%98%80"));
        assertEquals("/\u20ac/\ud83d\ude00", RequestPaths.normalise("/\u20ac/\ud83d\ude00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/caf%C3", "/caf%C3x", "/caf%C3/x", "/caf%C3x%A9", "/caf%A9", "/%FF", "/%80", "/%C3%28",
            "/%C0%AE%C0%AE/admin", "/%C0%AF", "/%E0%80%AE", "/%ED%A0%80", "/%ED%A0%BD%ED%B8%80", "/%F4%90%80%80",
            "/%F8%88%80%80%80", "/%E2%82",
    })
    void invalidUtf8IsRejected(String raw) {
        assertNull(RequestPaths.normalise(raw), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%0Ab", "/a%0d%0a", "/a%1F", "/a%7F", "/a%C2%85", "/a%C2%9F", "/a\u0085", "/a\u007f"})
    void controlCharsAreRejectedRawOrEncoded(String raw) {
        assertNull(RequestPaths.normalise(raw), raw);
    }

    @Test
    void aLoneSurrogateIsRejected() {
        assertNull(RequestPaths.normalise("/a\ud83d"));
        assertNull(RequestPaths.normalise("/a\ude00b"));
    }

    @Test
    void noPathParameterSurvivesAndADecodedSemicolonStaysData() {
        assertEquals("/a/b", RequestPaths.normalise("/a;x=1/b"));
        assertEquals("/a/b", RequestPaths.normalise("/a;x=%3B/b;%2F"));
        String data = RequestPaths.normalise("/a%3bx=1/b");
        assertEquals("/a%3Bx=1/b", data);
        assertEquals(data, RequestPaths.normalise(data), "normalise is idempotent on its own output");
    }

    @Test
    void aRawAndAnEncodedSpellingOfEveryCharAreTheSamePath() {
        Random random = new Random(3141L);
        String[] pieces = {"/", "/", "a", "Z", "0", ".", "..", "-", "_", "~", ":", "@", "+", "$", ",", "=", "!",
                "*", "'", "(", ")", "&", " ", "\u00e9", "\u00c9", "\u20ac", "\ud83d\ude00", "{", "}", "|", "\"", "api"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder("/");
            int length = random.nextInt(10);
            for (int j = 0; j < length; j++) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            StringBuilder encoded = new StringBuilder();
            int k = 0;
            while (k < raw.length()) {
                int codePoint = raw.codePointAt(k);
                String chars = new String(Character.toChars(codePoint));
                k += chars.length();
                if (codePoint == '/' || random.nextBoolean()) {
                    encoded.append(chars);
                    continue;
                }
                for (byte b : chars.getBytes(StandardCharsets.UTF_8)) {
                    String hex = String.format("%%%02X", b & 0xff);
                    encoded.append(random.nextBoolean() ? hex : hex.toLowerCase(Locale.ROOT));
                }
            }
            String canonical = RequestPaths.normalise(raw.toString());
            assertEquals(canonical, RequestPaths.normalise(encoded.toString()), raw + " vs " + encoded);
            if (canonical != null) {
                assertFalse(canonical.contains("%"), raw.toString());
            }
        }
    }

    @Test
    void aPathAlreadyCanonicalIsReturnedAsItIsWithoutACopy() {
        String path = new String("/api/orders/42");
        assertSame(path, RequestPaths.normalise(path));
        assertSame("/", RequestPaths.normalise("/"));
    }

    @Test
    void thePathsTakenAsCanonicalAreExactlyThoseTheLongWayLeavesAlone() {
        Random random = new Random(9001L);
        String[] pieces = {"/", "/", "//", "a", "B", ".", "..", "...", ".a", "a.", ";", ";x=1", "%2e", "%61", "%3b",
                "%", "\\", "?", "#", "~", "-", "\u00e9", "\u0000", "\u007f", "\u0085", "\ud83d\ude00", "\ud83d",
                "\ude00", "api", "admin", ":", "@", " "};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder raw = new StringBuilder(random.nextInt(8) == 0 ? "" : "/");
            int length = random.nextInt(10);
            for (int j = 0; j < length; j++) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            String path = raw.toString();
            String canonical = RequestPaths.canonicalForm(path);
            if (RequestPaths.isCanonical(path)) {
                assertEquals(path, canonical, "taken as canonical, but the long way changes it");
            }
            if (canonical != null && !canonical.contains("%")) {
                assertTrue(RequestPaths.isCanonical(canonical), "a canonical path that takes the long way: " + canonical);
            }
        }
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
                "%25", "%61", "%3b", "%20", "%", "%4", "%zz", "\\", "?", "#", "~", "-", "\u00e9", "\u0000", "api", "admin",
                "%3a", ":", "%40", "%3F", "%23", "%C3", "%A9", "%c3%a9", "%2A", "%0a", "%7F"};
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
            assertFalse(canonical.contains(";"), "no path parameter survives: " + raw);
            assertFalse(canonical.replace("%3B", "").replace("%3F", "").replace("%23", "").contains("%"),
                    "every escape but those of delimiters is decoded: " + raw);
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
