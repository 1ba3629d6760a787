package dev.primus.agent.masking;

/**
 * A client secret of a Microsoft Entra ID (Azure AD) app registration, part of vendor_token:
 * three chars, a digit (8 in those issued today), {@code Q~}, then 31 to 34 more, all of
 * {@code [A-Za-z0-9_~.-]}, 40 in all as issued. The format is the one Microsoft's own secret
 * scanner (Microsoft.Security.Utilities, SEC101/156) and the public gitleaks rule know; the
 * secret has no prefix of its own, so the scan asks here at its {@code ~}, which few log
 * lines hold. Next to a char of the secret's alphabet, a '+' or a '/' (base64) it is part of a
 * longer value and left alone (an '=' after it too: base64's padding); a '.' right after
 * it ends a sentence.
 */
final class EntraClientSecrets {
    /** Chars before the {@code Q~}: three and the digit. */
    private static final int BEFORE_MARK = 4;
    private static final int MIN_BODY = 31;
    private static final int MAX_BODY = 34;

    private EntraClientSecrets() {
    }

    /** Where the secret whose {@code ~} is at {@code tilde} starts, or -1. */
    static int start(CharSequence s, int floor, int tilde, int end) {
        int start = tilde - 1 - BEFORE_MARK;
        if (start < floor || s.charAt(tilde - 1) != 'Q' || !CharClass.isDigit(s.charAt(tilde - 2))
                || start > floor && (isSecretChar(s.charAt(start - 1)) || isBase64Only(s.charAt(start - 1)))) {
            return -1;
        }
        for (int i = start; i < tilde - 2; i++) {
            if (!isSecretChar(s.charAt(i))) {
                return -1;
            }
        }
        return bodyEnd(s, tilde + 1, end) < 0 ? -1 : start;
    }

    /** The secret that starts at {@code at}, or {@link Match#NONE}. */
    static long match(CharSequence s, int floor, int at, int end) {
        int tilde = at + 1 + BEFORE_MARK;
        if (tilde >= end || s.charAt(tilde) != '~' || start(s, floor, tilde, end) != at) {
            return Match.NONE;
        }
        return Match.of(at, bodyEnd(s, tilde + 1, end));
    }

    /** The end of a body of 31 to 34 chars from {@code at}, or -1. */
    private static int bodyEnd(CharSequence s, int at, int end) {
        int stop = at;
        while (stop < end && stop - at <= MAX_BODY + 1 && isSecretChar(s.charAt(stop))) {
            stop++;
        }
        if (stop < end && (isBase64Only(s.charAt(stop)) || s.charAt(stop) == '=')) {
            return -1;
        }
        int length = stop - at;
        if (length == MAX_BODY + 1 && s.charAt(stop - 1) == '.') {
            return stop - 1; // the full stop of a sentence
        }
        // Read no further than one char past the longest body: a longer run is some other value.
        return length < MIN_BODY || length > MAX_BODY ? -1 : stop;
    }

    private static boolean isSecretChar(char c) {
        return CharClass.isAlnum(c) || c == '_' || c == '~' || c == '.' || c == '-';
    }

    private static boolean isBase64Only(char c) {
        return c == '+' || c == '/';
    }
}
