package dev.primus.agent.masking;

/**
 * azure_storage_key: the value of {@code AccountKey} (any case, '=' or ':', as in a storage or
 * Cosmos DB connection string or its JSON form), or of the other names Azure's tools give the
 * same key ({@code AZURE_STORAGE_KEY} of the Azure CLI, {@code ARM_ACCESS_KEY} of Terraform,
 * Cosmos DB's {@code primaryMasterKey}, {@code secondaryKey}): 86 base64 chars and {@code ==},
 * the encoding of the 64-byte key. Only the key is masked; the account name beside it is no
 * secret.
 */
final class AzureStorageKeys {
    /** The ends of the names, words joined by '_', '-', '.' or nothing, any case. */
    private static final String[] KEYS = {"accountkey", "storagekey", "accesskey", "masterkey", "primarykey",
        "secondarykey"};
    private static final int BASE64 = 86;

    private AzureStorageKeys() {
    }

    /** Whether a key this detector reads may end with ASCII char {@code c}, right before its separator. */
    static boolean mayEndKey(char c) {
        return CharClass.toLower(c) == 'y';
    }

    /** {@code at} is '=' or ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        int value = KeyedValue.valueStart(s, at, end);
        int padding = value + BASE64;
        int stop = padding + 2;
        // The value's shape first: it rules out nearly every key before its name is read.
        if (stop > end || s.charAt(padding) != '=' || s.charAt(padding + 1) != '='
                || (stop < end && (CharClass.isBase64(s.charAt(stop)) || s.charAt(stop) == '='))
                || !named(s, from, KeyedValue.keyEnd(s, from, at))) {
            return Match.NONE;
        }
        for (int i = value; i < padding; i++) {
            if (!CharClass.isBase64(s.charAt(i))) {
                return Match.NONE;
            }
        }
        return Match.of(value, stop);
    }

    /** Whether the key ending at {@code keyEnd} is one of the key's names; also for {@link ValueKeys}. */
    static boolean named(CharSequence s, int from, int keyEnd) {
        for (String key : KEYS) {
            if (KeyedValue.keyEndsWith(s, from, keyEnd, key)) {
                return true;
            }
        }
        return false;
    }
}
