package dev.primus.agent.masking;

/**
 * Whether a key names what its value is, for the detectors that need a key or keyword to see a
 * value ({@link Masker#maskValueOf}): a password_kv key, an AWS secret or Azure account key name,
 * or a word that names a phone, SSN or Aadhaar number. Cheap and allocation-free, so every MDC
 * entry can be asked.
 */
final class ValueKeys {
    private static final String[] SECRET_NAMES = {"secretaccesskey", "awssecretkey", "accountkey"};

    private ValueKeys() {
    }

    static boolean namesItsValue(String key) {
        int end = key.length();
        if (end == 0) {
            return false;
        }
        if (PasswordValues.isKey(key, 0, end)) {
            return true;
        }
        for (String name : SECRET_NAMES) {
            if (KeyedValue.keyEndsWith(key, 0, end, name)) {
                return true;
            }
        }
        return KeywordBefore.names(key, 0, end, KeywordBefore.PHONE) || KeywordBefore.names(key, 0, end, KeywordBefore.SSN)
                || KeywordBefore.names(key, 0, end, KeywordBefore.AADHAAR);
    }
}
