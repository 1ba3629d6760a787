package dev.primus.agent.masking;

/**
 * For password_kv: a password's SHA-256, as Apache MINA SSHD's client logs every password it is
 * given to try at DEBUG, {@code addPasswordIdentity(ClientSessionImpl[bob@/10.0.0.5:22]) SHA256:xQGR…}
 * (its {@code KeyUtils.getFingerPrint} of the password). Written as a key's fingerprint is, but a
 * digest with no salt: a weak password comes back from it offline. A key's fingerprint
 * ({@code fingerprint=SHA256:CEy9…}) stays: only a fingerprint that the method's name, a little
 * before it, says is a password's.
 */
final class PasswordFingerprints {
    private static final String DIGEST = "SHA256";
    private static final String[] METHODS = {"addPasswordIdentity(", "removePasswordIdentity("};
    /** How far back the method's name is looked for: the session's toString stands between. */
    private static final int MAX_REACH = 192;

    private PasswordFingerprints() {
    }

    /** Whether the key ending at {@code keyEnd}, before the ':' at {@code at}, is such a fingerprint's "SHA256". */
    static boolean isOne(CharSequence s, int from, int keyEnd, int at) {
        int keyStart = keyEnd - DIGEST.length();
        if (keyEnd != at || keyStart <= from || s.charAt(keyStart - 1) != ' '
                || !TextSearch.startsWith(s, keyStart, keyEnd, DIGEST)) {
            return false;
        }
        int reach = Math.max(from, keyStart - MAX_REACH);
        for (String method : METHODS) {
            if (TextSearch.indexOf(s, method, reach, keyStart) >= 0) {
                return true;
            }
        }
        return false;
    }
}
