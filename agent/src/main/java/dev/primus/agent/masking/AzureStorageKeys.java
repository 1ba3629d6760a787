package dev.primus.agent.masking;

/**
 * azure_storage_key: the value of {@code AccountKey} (any case, '=' or ':', as in a storage
 * connection string or its JSON form): 86 base64 chars and {@code ==}, the encoding of the
 * 64-byte key. Only the key is masked; the account name beside it is no secret.
 */
final class AzureStorageKeys {
    private static final String KEY = "accountkey";
    private static final int BASE64 = 86;

    private AzureStorageKeys() {
    }

    /** Whether a key this detector reads may end with ASCII char {@code c}, right before its separator. */
    static boolean mayEndKey(char c) {
        return CharClass.toLower(c) == KEY.charAt(KEY.length() - 1);
    }

    /** {@code at} is '=' or ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        int keyEnd = KeyedValue.keyEnd(s, from, at);
        if (!KeyedValue.keyEndsWith(s, from, keyEnd, KEY)) {
            return Match.NONE;
        }
        int value = KeyedValue.valueStart(s, at, end);
        int padding = value + BASE64;
        int stop = padding + 2;
        if (stop > end || s.charAt(padding) != '=' || s.charAt(padding + 1) != '='
                || (stop < end && (CharClass.isBase64(s.charAt(stop)) || s.charAt(stop) == '='))) {
            return Match.NONE;
        }
        for (int i = value; i < padding; i++) {
            if (!CharClass.isBase64(s.charAt(i))) {
                return Match.NONE;
            }
        }
        return Match.of(value, stop);
    }
}
