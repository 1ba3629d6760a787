package dev.primus.agent.masking;

/** sendgrid_key: {@code SG.}, a 22-char key id, '.', a 43-char secret; both base64url. */
final class SendGridKeys {
    private static final String PREFIX = "SG.";
    private static final int ID = 22;
    private static final int SECRET = 43;

    private SendGridKeys() {
    }

    /** {@code at} is an 'S' at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        int id = at + PREFIX.length();
        int dot = id + ID;
        int stop = dot + 1 + SECRET;
        if (stop > end || !TextSearch.startsWith(s, at, end, PREFIX) || CharClass.wordBefore(s, from, at)
                || s.charAt(dot) != '.' || !base64Url(s, id, dot) || !base64Url(s, dot + 1, stop)
                || (stop < end && CharClass.isBase64Url(s.charAt(stop)))) {
            return Match.NONE;
        }
        return Match.of(at, stop);
    }

    private static boolean base64Url(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (!CharClass.isBase64Url(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
