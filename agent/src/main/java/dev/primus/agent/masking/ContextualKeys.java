package dev.primus.agent.masking;

/**
 * For password_kv: keys that name no secret by their word, but do where they stand.
 * <ul>
 * <li>A query's credential, as an access log, a wire log or a framework's request log writes the
 * URL: OAuth 2.0's authorization code in a redirect ({@code /callback?code=4/0AX4XfWj...&state=...}),
 * which buys tokens until it is used, and the API keys that services take as a query parameter
 * ({@code ?key=} of Google's and many APIs, OpenWeather's {@code appid}, HubSpot's {@code hapikey},
 * the {@code access_key} of ipstack and positionstack; a login or invitation link's {@code ?t=}; a session's
 * id in the URL, {@code ?sid=} of phpBB and many PHP apps, not a Windows SID ({@code S-1-5-21-…}); OpenStack
 * Swift's temporary URL's signature, {@code ?temp_url_sig=}, good for anyone until it expires; Azure's
 * {@code sig} is azure_sas_signature's).
 * Only right after {@code ?} or {@code &}, the value right after the '=' and reading as generated
 * ({@link #isGenerated}): {@code ?code=200}, {@code &key=orders}, {@code &code=ERR_TIMEOUT} stay.
 * <li>Spring Security's bearer token and session in its toStrings ({@link #isSpringSecurityField}).
 * <li>PostgreSQL's detail of a unique violation, {@code Key (api_key)=(Uux...) already exists.}, where a
 * column named as a secret key is given its value ({@link #duplicateKeyValue}), and MySQL's and
 * MariaDB's, {@code Duplicate entry 'Uux...' for key 'users.uk_api_key'}, where the unique index that
 * refused it is named for one ({@link #duplicateEntry}).
 * <li>The line Elasticsearch's {@code elasticsearch-setup-passwords} prints for every built-in user,
 * {@code PASSWORD kibana_system = Xk9mP2qLw8zT}: a user's name between the word and the '='.
 * </ul>
 */
final class ContextualKeys {
    /** The query parameters {@link #endsQueryCredential} reads, as written. */
    private static final String[] QUERY_CREDENTIALS = {"code", "key", "appid", "hapikey", "access_key", "t", "sid",
        "temp_url_sig"};
    /** A Windows security identifier's start: an account's name, not a session's ({@code ?sid=S-1-5-21-…}). */
    private static final String WINDOWS_SID = "S-1-";
    private static final String SETUP_PASSWORD = "PASSWORD ";
    private static final String DUPLICATE_KEY = "Key ";
    private static final String DUPLICATE_ENTRY = "Duplicate entry ";
    private static final String FOR_KEY = "' for key '";
    /** An index's name made from its column's: {@code uk_api_key}, {@code api_key_UNIQUE}, {@code users_token_key}. */
    private static final String[] INDEX_PREFIXES = {"uk_", "uq_", "ux_", "udx_", "idx_", "unique_", "uniq_"};
    private static final String[] INDEX_SUFFIXES = {"_unique", "_uniq", "_uk", "_uq", "_ux", "_idx", "_key", "_index"};
    private static final int MAX_INDEX_NAME = 128;
    private static final int MAX_COLUMNS = 256;
    private static final int MAX_VALUES = 1024;
    /** The length of both field names {@link #isSpringSecurityField} reads. */
    private static final int SPRING_FIELD = 9;
    private static final String[] PRINCIPAL = {"Principal"};
    private static final String[] SESSION_ID = {"SessionId"};
    private static final String BEARER_TOKEN = "BearerTokenAuthenticationToken ";
    private static final String AUTHENTICATION_DETAILS = "WebAuthenticationDetails ";
    /** How far back from a field its object's '[' is looked for: the fields before it. */
    private static final int MAX_FIELDS_BEFORE = 128;
    /** The shortest query credential read as one: authorization codes run 20 to 500 chars, API keys 24 to 64. */
    private static final int MIN_CODE = 16;

    private ContextualKeys() {
    }

    /**
     * Whether the key ending at {@code keyEnd}, before a '=' ({@code spaced} when spaces stand
     * between them), names a secret where it stands. Asked at every '=' whose key names no secret
     * by its word, so each case is ruled out from the chars at the key's end before a name is read back.
     */
    static boolean namesSecret(CharSequence s, int from, int keyEnd, boolean spaced) {
        if (endsQueryCredential(s, from, keyEnd)) {
            return true;
        }
        if (spaced) {
            return isSetupPassword(s, from, KeyedValue.nameStart(s, from, keyEnd));
        }
        return keyEnd - from > SPRING_FIELD && CharClass.isUpper(s.charAt(keyEnd - SPRING_FIELD))
                && isSpringSecurityField(s, from, keyEnd - SPRING_FIELD, keyEnd);
    }

    /** Whether one of {@link #QUERY_CREDENTIALS} ends at {@code keyEnd}, right after a '?' or '&'. */
    private static boolean endsQueryCredential(CharSequence s, int from, int keyEnd) {
        for (String name : QUERY_CREDENTIALS) {
            int start = keyEnd - name.length();
            if (start > from && TextSearch.startsWith(s, start, keyEnd, name)
                    && (s.charAt(start - 1) == '?' || s.charAt(start - 1) == '&')) {
                return true;
            }
        }
        return false;
    }

    /**
     * At the '=' of PostgreSQL's {@code Key (columns)=(values)}, when a column is named as a secret
     * key: the values between their parentheses, all of them (a composite key's are joined by ", ");
     * NONE otherwise.
     */
    static long duplicateKeyValue(CharSequence s, int from, int at, int end) {
        if (at - 1 <= from || s.charAt(at - 1) != ')' || at + 1 >= end || s.charAt(at + 1) != '(') {
            return Match.NONE;
        }
        int open = TextSearch.lastIndexOf(s, '(', Math.max(from, at - 1 - MAX_COLUMNS), at - 1);
        if (open - DUPLICATE_KEY.length() < from
                || !TextSearch.startsWith(s, open - DUPLICATE_KEY.length(), open, DUPLICATE_KEY)) {
            return Match.NONE;
        }
        boolean secret = false;
        for (int column = open + 1, stop; column < at - 1; column = stop + 1) {
            stop = TextSearch.indexOf(s, ',', column, at - 1);
            stop = stop < 0 ? at - 1 : stop;
            while (column < stop && s.charAt(column) == ' ') {
                column++;
            }
            secret |= PasswordValues.isSecretName(s, column, stop);
        }
        int close = TextSearch.indexOf(s, ')', at + 2, (int) Math.min(end, (long) at + 2 + MAX_VALUES));
        return secret && close > at + 2 ? Match.of(at + 2, close) : Match.NONE;
    }

    /**
     * At the opening quote of MySQL's and MariaDB's {@code Duplicate entry 'x' for key 'users.uk_api_key'}
     * (error 1062, which Hibernate and Spring log with the statement that failed), when the index
     * that refused the value is named for a secret column: the value, all of it (a composite key's
     * parts are joined by '-'); NONE otherwise. The index's name is read without its table, and
     * without the prefix or suffix that names an index ({@code uk_}, {@code _UNIQUE}, {@code _key}).
     */
    static long duplicateEntry(CharSequence s, int from, int at, int end) {
        int words = at - DUPLICATE_ENTRY.length();
        if (words < from || !TextSearch.startsWith(s, words, at, DUPLICATE_ENTRY)) {
            return Match.NONE;
        }
        int limit = (int) Math.min(TextSearch.lineEnd(s, at, end), (long) at + 1 + MAX_VALUES + FOR_KEY.length());
        int close = TextSearch.indexOf(s, FOR_KEY, at + 1, limit);
        if (close <= at + 1) {
            return Match.NONE;
        }
        int name = close + FOR_KEY.length();
        int nameEnd = TextSearch.indexOf(s, '\'', name, (int) Math.min(end, (long) name + MAX_INDEX_NAME));
        if (nameEnd <= name) {
            return Match.NONE;
        }
        int table = TextSearch.lastIndexOf(s, '.', name, nameEnd);
        return namesSecretColumn(s, table < 0 ? name : table + 1, nameEnd) ? Match.of(at + 1, close) : Match.NONE;
    }

    /** Whether an index named {@code s[start, stop)} is named for a secret column, read without an index's affixes. */
    private static boolean namesSecretColumn(CharSequence s, int start, int stop) {
        for (String prefix : INDEX_PREFIXES) {
            if (stop - start > prefix.length() && TextSearch.startsWithIgnoreCase(s, start, stop, prefix)) {
                start += prefix.length();
                break;
            }
        }
        if (PasswordValues.isSecretName(s, start, stop)) {
            return true;
        }
        for (String suffix : INDEX_SUFFIXES) {
            int bare = stop - suffix.length();
            if (bare > start && TextSearch.startsWithIgnoreCase(s, bare, stop, suffix)) {
                return PasswordValues.isSecretName(s, start, bare);
            }
        }
        return false;
    }

    /** Whether {@code value}, found after such a key, is one to mask. */
    static boolean isSecretValue(CharSequence s, int from, int keyEnd, long value) {
        return !endsQueryCredential(s, from, keyEnd)
                || Match.start(value) == keyEnd + 1 && isGenerated(s, Match.start(value), Match.end(value))
                        && !TextSearch.startsWith(s, Match.start(value), Match.end(value), WINDOWS_SID);
    }

    /**
     * The fields of Spring Security's toStrings that hold a credential: a
     * {@code BearerTokenAuthenticationToken [Principal=<the token>, Credentials=[PROTECTED], ...]}, whose
     * principal is the bearer token itself, and the session of {@code WebAuthenticationDetails
     * [RemoteIpAddress=10.0.0.7, SessionId=5570D6F2...]}, which it logs with every authentication event.
     */
    private static boolean isSpringSecurityField(CharSequence s, int from, int name, int keyEnd) {
        String owner = TextSearch.isOneOf(s, name, keyEnd, PRINCIPAL) ? BEARER_TOKEN
                : TextSearch.isOneOf(s, name, keyEnd, SESSION_ID) ? AUTHENTICATION_DETAILS : null;
        if (owner == null) {
            return false;
        }
        int open = TextSearch.lastIndexOf(s, '[', Math.max(from, name - MAX_FIELDS_BEFORE), name);
        return TextSearch.endsWith(s, from, open, owner);
    }

    private static boolean isSetupPassword(CharSequence s, int from, int name) {
        int word = name - SETUP_PASSWORD.length();
        return word >= from && TextSearch.startsWith(s, word, name, SETUP_PASSWORD)
                && (word == from || !CharClass.isWord(s.charAt(word - 1)));
    }

    /** At least {@link #MIN_CODE} chars with a letter and a digit among them. */
    private static boolean isGenerated(CharSequence s, int start, int stop) {
        if (stop - start < MIN_CODE) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            letter |= CharClass.isLetter(c);
            digit |= CharClass.isDigit(c);
        }
        return letter && digit;
    }
}
