package dev.primus.agent.masking;

/**
 * For password_kv: a cookie's secret as a framework's diagnostics write it when it reads the cookie,
 * found from a single quote:
 * <ul>
 *   <li>Spring Security's remember-me check, at DEBUG on every tampered or stale cookie:
 *       {@code Invalid remember-me cookie: Cookie contained signature 'x' but expected 'y'}. The
 *       expected signature is valid for the user and expiry the cookie named, so whoever sends a
 *       cookie with any signature and reads the log can forge one; both are masked, as one value.</li>
 *   <li>Shiro's cookie read, at TRACE: {@code Found 'rememberMe' cookie value [x]}, the encrypted
 *       principal that logs in, or the session's id under Shiro's {@code JSESSIONID}: any name's
 *       value, as after a {@code Cookie:} header; and the line its remember-me manager writes
 *       next, {@code Acquired Base64 encoded identity [x]}, found from its 'B' at a word start
 *       ({@link #encodedIdentity}).</li>
 * </ul>
 */
final class CookieDiagnostics {
    private static final String SIGNATURE = "signature '";
    private static final String EXPECTED = "' but expected '";
    private static final String COOKIE_VALUE = "' cookie value [";
    private static final String ENCODED_IDENTITY = "Base64 encoded identity [";
    private static final int MAX_NAME = 128;
    private static final int MAX_VALUE = 4096;
    /** The shortest expected signature read as one: an MD5's hex is 32, its base64 24. */
    private static final int MIN_DIGEST = 16;

    private CookieDiagnostics() {
    }

    /** {@code at} is a single quote; nothing before {@code from} is read. */
    static long match(CharSequence s, int from, int at, int end) {
        int signature = at + 1 - SIGNATURE.length();
        if (signature >= from && TextSearch.startsWith(s, signature, end, SIGNATURE)) {
            return signatureAndExpected(s, at + 1, end);
        }
        return TextSearch.startsWith(s, at, end, COOKIE_VALUE) && namedInQuotes(s, from, at)
                ? bracketed(s, at + COOKIE_VALUE.length(), end) : Match.NONE;
    }

    /** Whether Shiro's {@code Base64 encoded identity [} starts at {@code at}: the scan's check before it asks. */
    static boolean startsEncodedIdentity(CharSequence s, int at, int end) {
        return TextSearch.startsWith(s, at, end, ENCODED_IDENTITY);
    }

    /** The bracketed identity after Shiro's {@code Base64 encoded identity [} at {@code at}, or NONE. */
    static long encodedIdentity(CharSequence s, int at, int end) {
        return startsEncodedIdentity(s, at, end) ? bracketed(s, at + ENCODED_IDENTITY.length(), end) : Match.NONE;
    }

    /**
     * {@code x' but expected 'y'} from {@code value}: both, as one span, when the expected one reads
     * as a digest (16 or more hex or base64 chars), whatever the cookie sent; a method's
     * {@code signature 'void f()' but expected 'int f()'} is no cookie's.
     */
    private static long signatureAndExpected(CharSequence s, int value, int end) {
        int close = quoteAfter(s, value, end);
        if (close <= value || !TextSearch.startsWith(s, close, end, EXPECTED)) {
            return Match.NONE;
        }
        int expected = close + EXPECTED.length();
        int expectedClose = quoteAfter(s, expected, end);
        return expectedClose - expected < MIN_DIGEST || !isBase64(s, expected, expectedClose) ? Match.NONE
                : Match.of(value, expectedClose);
    }

    private static boolean isBase64(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (!CharClass.isBase64OrPad(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int quoteAfter(CharSequence s, int at, int end) {
        return TextSearch.indexOf(s, '\'', at, Math.min(end, at + MAX_VALUE));
    }

    /** Whether the quote at {@code at} closes a cookie's name that a quote opens: {@code 'rememberMe'}. */
    private static boolean namedInQuotes(CharSequence s, int from, int at) {
        int name = at;
        while (name > from && at - name < MAX_NAME && s.charAt(name - 1) != '\'' && s.charAt(name - 1) != ' ') {
            name--;
        }
        return name < at && name > from && s.charAt(name - 1) == '\'';
    }

    private static long bracketed(CharSequence s, int value, int end) {
        int close = TextSearch.indexOf(s, ']', value, Math.min(end, value + MAX_VALUE));
        return close <= value ? Match.NONE : Match.of(value, close);
    }
}
