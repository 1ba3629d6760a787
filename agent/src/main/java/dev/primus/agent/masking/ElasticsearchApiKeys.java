package dev.primus.agent.masking;

/**
 * For password_kv: the {@code "encoded"} member of Elasticsearch's answer to creating an API key,
 * {@code {"id":"VuaCfGcBCdbkQm-e5aOx","name":"app","api_key":"ui2lp2axTNmsyakw9tvNnw","encoded":"VnVh…"}},
 * which is base64 of {@code id:api_key}, the very credential a client sends as {@code Authorization: ApiKey …}.
 * The member's name says nothing secret by its word, so the value must decode as that pair does:
 * printable text with a ':' in it ({@link BasicCredentials}), in quotes.
 */
final class ElasticsearchApiKeys {
    private static final String ENCODED = "encoded";

    private ElasticsearchApiKeys() {
    }

    /**
     * Whether the quoted key ending at {@code keyEnd} (before its closing quote), whose ':' is at
     * {@code at}, is {@code "encoded"} and its quoted value decodes to {@code id:api_key}.
     */
    static boolean isEncodedKey(CharSequence s, int from, int keyEnd, int at, int end) {
        int keyStart = keyEnd - ENCODED.length();
        if (keyStart <= from || s.charAt(keyStart - 1) != '"' || !TextSearch.startsWith(s, keyStart, keyEnd, ENCODED)) {
            return false;
        }
        int value = TextSearch.pastSpaces(s, at + 1, end, 1);
        if (value >= end || s.charAt(value) != '"') {
            return false;
        }
        int stop = BasicCredentials.end(s, value + 1, end);
        return stop > 0 && stop < end && s.charAt(stop) == '"';
    }
}
