package dev.primus.agent.masking;

/**
 * azure_storage_key: the value of {@code AccountKey} (any case, '=' or ':', as in a storage or
 * Cosmos DB connection string or its JSON form), or of the other names Azure's tools give the
 * same key ({@code AZURE_STORAGE_KEY} of the Azure CLI, {@code ARM_ACCESS_KEY} of Terraform,
 * Cosmos DB's {@code primaryMasterKey}, {@code secondaryKey}, and Hadoop's and Spark's property
 * {@code fs.azure.account.key.<account>.blob.core.windows.net}, whose name ends with the account's
 * {@code .net} host): 86 base64 chars and {@code ==},
 * the encoding of the 64-byte key; or 43 and {@code =}, a 32-byte key, as SignalR's, Web PubSub's
 * and Communication Services' connection strings give it ({@code Endpoint=https://...;AccessKey=...;Version=1.0;}).
 * Only the key is masked; the account name beside it is no secret.
 */
final class AzureStorageKeys {
    /** The ends of the names, words joined by '_', '-', '.' or nothing, any case. */
    private static final String[] KEYS = {"accountkey", "storagekey", "accesskey", "masterkey", "primarykey",
        "secondarykey"};
    /** In Hadoop's property, before the account and its host: {@code fs.azure.account.key.acct.dfs.core.windows.net}. */
    private static final String HADOOP_ACCOUNT_KEY = "azure.account.key.";
    /**
     * The last char of the hosts of Azure's public and US government clouds ({@code .net}). Not
     * China's {@code .cn}: 'n' and 'e' end too many keys ("token=", "name=") for every '=' after
     * them to ask this detector.
     */
    private static final String HOST_ENDS = "t";
    private static final int BASE64 = 86;
    /** The 32-byte access keys of SignalR, Web PubSub and Communication Services: 43 chars and '='. */
    private static final int BASE64_SHORT = 43;
    /** The most chars between a separator and its value: spaces and a quote ({@link KeyedValue#valueStart}). */
    private static final int MAX_BEFORE_VALUE = 5;

    private AzureStorageKeys() {
    }

    /** Whether a key this detector reads may end with ASCII char {@code c}, right before its separator. */
    static boolean mayEndKey(char c) {
        return CharClass.toLower(c) == 'y' || HOST_ENDS.indexOf(c) >= 0;
    }

    /** {@code at} is '=' or ':': the value after a name, or a bare key's padding ({@link BareAzureKeys}). */
    static long match(CharSequence s, int from, int at, int end) {
        int value = KeyedValue.valueStart(s, at, end);
        int stop = keyEnd(s, value, end, BASE64, 2);
        if (stop < 0) {
            stop = keyEnd(s, value, end, BASE64_SHORT, 1);
        }
        // The value's shape first: it rules out nearly every key before its name is read.
        if (stop >= 0 && named(s, from, KeyedValue.keyEnd(s, from, at))) {
            return Match.of(value, stop);
        }
        return s.charAt(at) == '=' ? BareAzureKeys.match(s, from, at, end) : Match.NONE;
    }

    /** The end of {@code chars} base64 chars and {@code padding} '=' at {@code value}, ending there; or -1. */
    private static int keyEnd(CharSequence s, int value, int end, int chars, int padding) {
        int stop = value + chars + padding;
        if (stop > end || (stop < end && (CharClass.isBase64(s.charAt(stop)) || s.charAt(stop) == '='))) {
            return -1;
        }
        for (int i = value + chars; i < stop; i++) {
            if (s.charAt(i) != '=') {
                return -1;
            }
        }
        for (int i = value; i < value + chars; i++) {
            if (!CharClass.isBase64(s.charAt(i))) {
                return -1;
            }
        }
        return stop;
    }

    /**
     * Whether the value at {@code value} follows one of the key's names and its separator: what
     * {@link #match} found at the separator already, which a bare key's padding must not find again.
     */
    static boolean followsItsName(CharSequence s, int from, int value) {
        int separator = value - 1;
        while (separator > from && value - separator <= MAX_BEFORE_VALUE && s.charAt(separator) != '='
                && s.charAt(separator) != ':') {
            separator--;
        }
        return separator >= from && (s.charAt(separator) == '=' || s.charAt(separator) == ':')
                && KeyedValue.valueStart(s, separator, s.length()) == value
                && named(s, from, KeyedValue.keyEnd(s, from, separator));
    }

    /** Whether the key ending at {@code keyEnd} is one of the key's names; also for {@link ValueKeys}. */
    static boolean named(CharSequence s, int from, int keyEnd) {
        for (String key : KEYS) {
            if (KeyedValue.keyEndsWith(s, from, keyEnd, key)) {
                return true;
            }
        }
        int name = KeyedValue.nameStart(s, from, keyEnd);
        return keyEnd > name && HOST_ENDS.indexOf(s.charAt(keyEnd - 1)) >= 0
                && TextSearch.indexOf(s, HADOOP_ACCOUNT_KEY, name, keyEnd) >= 0;
    }
}
