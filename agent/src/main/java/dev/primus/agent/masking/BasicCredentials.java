package dev.primus.agent.masking;

/**
 * The credential of HTTP Basic authentication (RFC 7617): {@code user:password} in standard
 * base64, padded; and the initial responses of SASL's PLAIN, XOAUTH2 and OAUTHBEARER, and LOGIN's
 * answers, read alike.
 * A word after {@code Basic} is one only if it decodes to printable text with a
 * ':' in it ("Basic authentication" and "Basic realm" do not), which is how
 * {@code Basic dXNlcjpodW50ZXIy} is told from the word's other uses without a header's key
 * before it. Decoded here, a quartet at a time, rather than with {@code java.util.Base64}, which
 * would allocate the bytes for every word it is asked about.
 */
final class BasicCredentials {
    /** {@code a:b}, the shortest, is 4 chars. */
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 4096;
    private static final int MIN_OAUTH_SEPARATORS = 3;
    /** RFC 7628's keys: auth, host, port, and a few an extension may add. */
    private static final int MAX_OAUTH_SEPARATORS = 8;

    private BasicCredentials() {
    }

    /** Where the credential at {@code start} ends, or -1 if none starts there. */
    static int end(CharSequence s, int start, int end) {
        return decodedEnd(s, start, end, ':', 1, Integer.MAX_VALUE);
    }

    /**
     * Where SASL PLAIN's response (RFC 4616) at {@code start} ends, or -1: base64 of
     * {@code [authzid] NUL authcid NUL password}, as an SMTP, IMAP or POP3 client sends it after
     * {@code AUTH PLAIN}, so that a trace's {@code AUTH PLAIN AGJvYgBodW50ZXIy} is one wherever it stands.
     */
    static int saslPlainEnd(CharSequence s, int start, int end) {
        return decodedEnd(s, start, end, '\0', 2, 2);
    }

    /**
     * Where XOAUTH2's or OAUTHBEARER's initial response at {@code start} ends, or -1: base64 of
     * {@code user=bob ^A auth=Bearer token ^A ^A}, or RFC 7628's {@code n,a=bob, ^A host=… ^A port=… ^A
     * auth=Bearer token ^A ^A}: a ^A (0x01) after each key's value and one more, three at least.
     */
    static int oauthResponseEnd(CharSequence s, int start, int end) {
        return decodedEnd(s, start, end, '\u0001', MIN_OAUTH_SEPARATORS, MAX_OAUTH_SEPARATORS);
    }

    /**
     * Where the padded base64 at {@code start} ends when it decodes to printable text, or -1: SASL
     * LOGIN's answer to a prompt ({@link SaslLoginAnswers}), a value alone.
     */
    static int textEnd(CharSequence s, int start, int end) {
        return decodedEnd(s, start, end, '\u0001', 0, 0);
    }

    /**
     * Where the padded base64 at {@code start} ends, when it decodes to printable text holding
     * {@code separator} from {@code min} to {@code max} times; else -1.
     */
    private static int decodedEnd(CharSequence s, int start, int end, char separator, int min, int max) {
        int stop = start;
        while (stop < end && stop - start < MAX_LENGTH && CharClass.isBase64(s.charAt(stop)) && s.charAt(stop) != '=') {
            stop++;
        }
        int padded = stop;
        while (padded < end && padded - stop < 2 && s.charAt(padded) == '=') {
            padded++;
        }
        int length = padded - start;
        if (length < MIN_LENGTH || length % 4 != 0 || (padded < end && CharClass.isWord(s.charAt(padded)))) {
            return -1;
        }
        int separators = separators(s, start, stop, separator);
        return separators >= min && separators <= max ? padded : -1;
    }

    /**
     * How often the base64 chars {@code s[start, stop)} decode to {@code separator}; -1 when they
     * decode to another control byte.
     */
    private static int separators(CharSequence s, int start, int stop, char separator) {
        int count = 0;
        int bits = 0;
        int pending = 0;
        for (int i = start; i < stop; i++) {
            bits = bits << 6 | sextet(s.charAt(i));
            pending += 6;
            if (pending >= 8) {
                pending -= 8;
                int b = bits >>> pending & 0xff;
                if (b == separator) {
                    count++;
                } else if (b < 0x20 || b == 0x7f) {
                    // Neither printable ASCII nor a byte of a UTF-8 sequence (a user name in another script).
                    return -1;
                }
            }
        }
        return count;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : 63;
    }
}
