package dev.primus.agent.masking;

/**
 * One vendor's token format: a fixed prefix, then a body written as a short spec of alphabets
 * with their counts and the literal chars between them, such as {@code "x{24}-x{34}"}.
 * Alphabets: {@code h} lower-case hex, {@code x} hex of either case, {@code a} letters and
 * digits, {@code w} letters, digits and '_', {@code A} upper-case letters and digits, {@code u}
 * base64url, {@code s} base64 with its '=' padding, {@code B} bech32's upper-case alphabet.
 * Matched greedily and without backtracking, so no alphabet may hold the literal after it; the
 * token must end where its last alphabet and the word end.
 */
final class TokenFormat {
    private static final String BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

    final String prefix;
    /** Per part of the body: its alphabet's letter, or 0 for a literal. */
    private final char[] alphabets;
    /** Per part: the literal char, where the part is one. */
    private final char[] literals;
    private final int[] min;
    private final int[] max;

    TokenFormat(String prefix, String body) {
        this.prefix = prefix;
        // At most one part per char of the spec: sized for that, then cut to the parts read.
        char[] alphabetOf = new char[body.length()];
        char[] literalOf = new char[body.length()];
        int[] least = new int[body.length()];
        int[] most = new int[body.length()];
        int parts = 0;
        for (int i = 0; i < body.length(); parts++) {
            char c = body.charAt(i);
            if (i + 1 < body.length() && body.charAt(i + 1) == '{') {
                int close = body.indexOf('}', i);
                String[] counts = body.substring(i + 2, close).split(",");
                alphabetOf[parts] = c;
                least[parts] = Integer.parseInt(counts[0]);
                most[parts] = Integer.parseInt(counts[counts.length - 1]);
                i = close + 1;
            } else {
                literalOf[parts] = c;
                least[parts] = 1;
                most[parts] = 1;
                i++;
            }
        }
        if (parts == 0 || alphabetOf[parts - 1] == 0) {
            throw new IllegalArgumentException("token body spec " + body + " must end with an alphabet and its count");
        }
        alphabets = java.util.Arrays.copyOf(alphabetOf, parts);
        literals = java.util.Arrays.copyOf(literalOf, parts);
        min = java.util.Arrays.copyOf(least, parts);
        max = java.util.Arrays.copyOf(most, parts);
    }

    /** The end of a token of this format at {@code at}, or -1. */
    int end(CharSequence s, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, prefix)) {
            return -1;
        }
        int i = at + prefix.length();
        for (int part = 0; part < alphabets.length; part++) {
            if (alphabets[part] == 0) {
                if (i >= end || s.charAt(i) != literals[part]) {
                    return -1;
                }
                i++;
                continue;
            }
            int start = i;
            int limit = Math.min(end, i + max[part]);
            while (i < limit && holds(alphabets[part], s.charAt(i))) {
                i++;
            }
            if (i - start < min[part]) {
                return -1;
            }
        }
        char last = alphabets[alphabets.length - 1];
        return CharClass.asciiWordAt(s, i, end) || i < end && holds(last, s.charAt(i)) ? -1 : i;
    }

    private static boolean holds(char alphabet, char c) {
        switch (alphabet) {
            case 'h':
                return CharClass.isDigit(c) || c >= 'a' && c <= 'f';
            case 'x':
                return CharClass.isHex(c);
            case 'a':
                return CharClass.isAlnum(c);
            case 'w':
                return CharClass.isAlnum(c) || c == '_';
            case 'A':
                return CharClass.isDigit(c) || CharClass.isUpper(c);
            case 'u':
                return CharClass.isBase64Url(c);
            case 's':
                return CharClass.isBase64OrPad(c);
            case 'B':
                return BECH32.indexOf(c) >= 0;
            default:
                throw new IllegalStateException("no alphabet " + alphabet);
        }
    }
}
