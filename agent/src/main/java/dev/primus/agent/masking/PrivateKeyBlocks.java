package dev.primus.agent.masking;

/**
 * private_key: a PEM block from {@code -----BEGIN ... PRIVATE KEY-----} (RSA, EC, DSA, OPENSSH,
 * ENCRYPTED, PGP ... BLOCK or plain) through its {@code -----END ... PRIVATE KEY-----} line. Without
 * an END line (a message cut short), everything from BEGIN to the end of the message is masked:
 * a partial key is still key material. Also such a block encoded in base64 as one word, as a
 * Kubernetes Secret's {@code data} holds a TLS key ({@code "tls.key":"LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0t..."})
 * and an environment variable often does: found from its {@code LS0tLS1CRUdJTi} ("-----BEGIN" in
 * base64), its first chars decoded to tell a private key from a certificate, which is public.
 */
final class PrivateKeyBlocks {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final int MAX_LABEL = 40;
    /** "-----BEGIN" in base64: the first 14 chars of every encoded PEM block. */
    private static final String ENCODED_BEGIN = "LS0tLS1CRUdJTi";
    /** How many chars of an encoded block are decoded to read its label: "-----BEGIN ENCRYPTED PRIVATE KEY-----" fits. */
    private static final int ENCODED_HEAD = 72;
    /** The fewest base64 chars in a row that a block's body must hold to be a key's. */
    private static final int MIN_KEY_LINE = 16;
    /**
     * How far into a block its first base64 line may start: after an encrypted PEM's {@code Proc-Type}
     * and {@code DEK-Info} headers, or PGP's {@code Version} and {@code Comment}.
     */
    private static final int MAX_HEADERS = 512;

    private PrivateKeyBlocks() {
    }

    /** {@code at} is a '-', or an 'L' or 'M' at a word start (a bare DER key's, {@link DerPrivateKeys}). */
    static long match(CharSequence s, int from, int at, int end) {
        if (s.charAt(at) == 'L') {
            return encodedBlock(s, from, at, end);
        }
        if (s.charAt(at) == 'M') {
            return DerPrivateKeys.match(s, from, at, end);
        }
        if (!TextSearch.startsWith(s, at, end, BEGIN)) {
            return Match.NONE;
        }
        int label = labelEnd(s, at + BEGIN.length(), end);
        if (label < 0) {
            return Match.NONE;
        }
        int body = label + DASHES.length();
        if (!holdsKeyMaterial(s, body, end)) {
            return Match.NONE; // before the END line is looked for: markers alone, repeated, would each read to the end
        }
        int search = body;
        while (true) {
            int endLine = TextSearch.indexOf(s, END, search, end);
            if (endLine < 0) {
                return Match.of(at, end);
            }
            int endLabel = labelEnd(s, endLine + END.length(), end);
            if (endLabel >= 0) {
                return holdsKeyMaterial(s, body, endLine) ? Match.of(at, endLabel + DASHES.length()) : Match.NONE;
            }
            search = endLine + END.length();
        }
    }

    /**
     * Whether a run of base64 a key's line would hold stands in {@code s[start, stop)}, within the
     * first {@link #MAX_HEADERS} chars, where a key's body starts: strongSwan logs a key file's BEGIN
     * and END lines with nothing between (the key follows as a hex dump), each line its own record,
     * and a marker alone is no key.
     */
    private static boolean holdsKeyMaterial(CharSequence s, int start, int stop) {
        int run = 0;
        int limit = Math.min(stop, start + MAX_HEADERS);
        for (int i = start; i < limit; i++) {
            run = CharClass.isBase64OrPad(s.charAt(i)) ? run + 1 : 0;
            if (run >= MIN_KEY_LINE) {
                return true;
            }
        }
        return false;
    }

    /** The base64 word at {@code at} when it encodes a PEM block of a private key, or NONE. */
    private static long encodedBlock(CharSequence s, int from, int at, int end) {
        if (!TextSearch.startsWith(s, at, end, ENCODED_BEGIN) || at > from && CharClass.isBase64(s.charAt(at - 1))) {
            return Match.NONE;
        }
        int stop = at;
        while (stop < end && CharClass.isBase64OrPad(s.charAt(stop))) {
            stop++;
        }
        int head = Math.min(stop - at, ENCODED_HEAD) & ~3;
        String decoded;
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(s.subSequence(at, at + head).toString());
            decoded = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return Match.NONE;
        }
        int label = decoded.startsWith(BEGIN) ? labelEnd(decoded, BEGIN.length(), decoded.length()) : -1;
        return label < 0 ? Match.NONE : Match.of(at, stop);
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
