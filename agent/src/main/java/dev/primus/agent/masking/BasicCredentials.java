package dev.primus.agent.masking;

/**
 * The credential of HTTP Basic authentication (RFC 7617): {@code user:password} in standard
 * base64, padded. A word after {@code Basic} is one only if it decodes to printable text with a
 * ':' in it ("Basic authentication" and "Basic realm" do not), which is how
 * {@code Basic dXNlcjpodW50ZXIy} is told from the word's other uses without a header's key
 * before it. Decoded here, a quartet at a time, rather than with {@code java.util.Base64}, which
 * would allocate the bytes for every word it is asked about.
 */
final class BasicCredentials {
    /** {@code a:b}, the shortest, is 4 chars. */
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 4096;

    private BasicCredentials() {
    }

    /** Where the credential at {@code start} ends, or -1 if none starts there. */
    static int end(CharSequence s, int start, int end) {
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
        return decodesToUserAndPassword(s, start, stop) ? padded : -1;
    }

    /** Whether the base64 chars {@code s[start, stop)} decode to printable text holding a ':'. */
    private static boolean decodesToUserAndPassword(CharSequence s, int start, int stop) {
        boolean colon = false;
        int bits = 0;
        int count = 0;
        for (int i = start; i < stop; i++) {
            bits = bits << 6 | sextet(s.charAt(i));
            count += 6;
            if (count >= 8) {
                count -= 8;
                int b = bits >>> count & 0xff;
                // Printable ASCII, or a byte of a UTF-8 sequence (a user name in another script).
                if (b < 0x20 || b == 0x7f) {
                    return false;
                }
                colon |= b == ':';
            }
        }
        return colon;
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
