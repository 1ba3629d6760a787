package dev.primus.agent.masking;

/** aws_access_key: an IAM unique-id prefix (AKIA, ASIA, ...) and 16 upper-case letters or digits. */
final class AwsAccessKeys {
    private static final String[] PREFIXES = {"AKIA", "ASIA", "AIDA", "AROA", "AGPA", "ANPA", "ANVA", "AIPA", "ABIA", "ACCA"};
    private static final int LENGTH = 20;

    private AwsAccessKeys() {
    }

    /** {@code at} is an 'A' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        if (at + LENGTH > end || CharClass.wordAt(s, at + LENGTH, end) || CharClass.wordBefore(s, from, at)
                || !knownPrefix(s, at, end)) {
            return Match.NONE;
        }
        for (int i = at + 4; i < at + LENGTH; i++) {
            char c = s.charAt(i);
            if (!CharClass.isUpper(c) && !CharClass.isDigit(c)) {
                return Match.NONE;
            }
        }
        return Match.of(at, at + LENGTH);
    }

    private static boolean knownPrefix(CharSequence s, int at, int end) {
        for (String prefix : PREFIXES) {
            if (TextSearch.startsWith(s, at, end, prefix)) {
                return true;
            }
        }
        return false;
    }
}
