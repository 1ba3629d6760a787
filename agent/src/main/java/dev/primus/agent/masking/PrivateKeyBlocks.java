package dev.primus.agent.masking;

/**
 * private_key: a PEM block from {@code -----BEGIN ... PRIVATE KEY-----} (RSA, EC, DSA, OPENSSH,
 * ENCRYPTED, PGP ... BLOCK or plain) through its {@code -----END ... PRIVATE KEY-----} line. Without
 * an END line (a message cut short), everything from BEGIN to the end of the message is masked:
 * a partial key is still key material.
 */
final class PrivateKeyBlocks {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final int MAX_LABEL = 40;

    private PrivateKeyBlocks() {
    }

    /** {@code at} is a '-'. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, BEGIN)) {
            return Match.NONE;
        }
        int label = labelEnd(s, at + BEGIN.length(), end);
        if (label < 0) {
            return Match.NONE;
        }
        int search = label + DASHES.length();
        while (true) {
            int endLine = TextSearch.indexOf(s, END, search, end);
            if (endLine < 0) {
                return Match.of(at, end);
            }
            int endLabel = labelEnd(s, endLine + END.length(), end);
            if (endLabel >= 0) {
                return Match.of(at, endLabel + DASHES.length());
            }
            search = endLine + END.length();
        }
    }

    /** Where the closing dashes of a label naming a private key start, or -1. */
    private static int labelEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at <= MAX_LABEL && (CharClass.isUpper(s.charAt(i)) || CharClass.isDigit(s.charAt(i))
                || s.charAt(i) == ' ')) {
            i++;
        }
        if (!TextSearch.startsWith(s, i, end, DASHES)) {
            return -1;
        }
        int name = TextSearch.indexOf(s, PRIVATE_KEY, at, i);
        return name < 0 ? -1 : i;
    }
}
