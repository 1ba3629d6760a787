package dev.primus.agent.masking;

/**
 * A secret's word before a ':' that is a name from code labelling the message after it, not a
 * key given a value: the logger's class, as Log4j's {@code %c} and Logback's {@code %logger}
 * print it before the message ({@code org.apache.hadoop.security.token.Token: Cannot find class
 * for token kind kms-dt}, {@code o.a.h.s.t.Token : ...}), or the calling method's name, Android's
 * {@code Log.d(TAG, "method: ...")} idiom ({@code checkPassword: userId 0 result 1},
 * {@code getAuthToken: AccountType:com.example authTokenType:oauth2}).
 *
 * <p>A method's name counts only when the next field's name and value follow it: after
 * {@code setPassword: hunter2} stands a value, and it is masked.
 */
final class CodeLabels {
    /** The verbs a method's name starts with, in lower case, the key's word then one of its humps. */
    private static final String[] VERBS = {"get", "set", "check", "verify", "validate", "update", "reset", "change",
        "create", "generate", "fetch", "load", "save", "store", "refresh", "request", "handle", "on", "is", "has",
        "clear", "remove", "delete", "read", "write", "parse", "init", "invalidate", "renew", "revoke", "add", "put",
        "obtain", "issue", "send", "receive", "process", "notify", "peek", "apply", "cache", "restore", "rotate",
        "encrypt", "decrypt", "sign", "hash", "encode", "decode", "find", "lookup", "build", "compute", "resolve",
        "register", "extract", "expire"};
    /** The humps of a method's name that starts with no verb the list knows: {@code spBasedDoVerifyCredential}. */
    private static final int MIN_METHOD_HUMPS = 4;
    /** The packages a logger's class must stand in, at least: {@code com.example.Token}, {@code o.a.Token}. */
    private static final int MIN_PACKAGES = 2;
    /** The '_'-joined parts of a C function's name: {@code check_ntlm_password}, not {@code db_password}. */
    private static final int MIN_FUNCTION_PARTS = 3;
    /** How far back a name is read. */
    private static final int MAX_NAME = 128;

    private CodeLabels() {
    }

    /**
     * Whether the name ending at {@code keyEnd} is a class's simple name, capitalised, after at
     * least two package names in lower case: a logger's name, which the message follows.
     */
    static boolean isLoggerName(CharSequence s, int from, int keyEnd) {
        int start = identifierStart(s, from, keyEnd);
        if (start == keyEnd || !CharClass.isUpper(s.charAt(start))) {
            return false;
        }
        int packages = 0;
        while (start - 1 > from && s.charAt(start - 1) == '.') {
            int packageStart = identifierStart(s, from, start - 1);
            if (packageStart == start - 1 || !CharClass.isLower(s.charAt(packageStart))) {
                return false;
            }
            packages++;
            start = packageStart;
        }
        return packages >= MIN_PACKAGES;
    }

    /**
     * Whether the name ending at {@code keyEnd} is a method's, a verb and humps ({@code getAuthToken})
     * or a name of four humps or more ({@code spBasedDoVerifyCredential}), and a field's name of
     * letters follows at {@code value} with its value: directly after a '=' that no other '=' follows
     * (base64's padding, {@code cGFzcw==}, is a value's end) or a ':' ({@code scope=openid},
     * {@code AccountType:com.example}), or a space after a camel-case name ({@code userId 0},
     * {@code accountType com.google}).
     */
    static boolean isMethodHeading(CharSequence s, int from, int keyEnd, int value, int end) {
        int start = identifierStart(s, from, keyEnd);
        if (start == keyEnd || !startsWithVerb(s, start, keyEnd) && humps(s, start, keyEnd) < MIN_METHOD_HUMPS) {
            return false;
        }
        int field = value;
        while (field < end && field - value <= MAX_NAME && CharClass.isLetter(s.charAt(field))) {
            field++;
        }
        if (field - value < 2 || field + 1 >= end) {
            return false;
        }
        char after = s.charAt(field);
        char next = s.charAt(field + 1);
        if (after == '=') {
            return next != ' ' && next != '=';
        }
        return after == ':' && next != ' ' || after == ' ' && next != ' ' && humps(s, value, field) > 0;
    }

    /** Whether the name ending at {@code keyEnd} is a method's by its verb and hump: {@code setPrivateKey}. */
    static boolean isVerbNamed(CharSequence s, int from, int keyEnd) {
        return startsWithVerb(s, identifierStart(s, from, keyEnd), keyEnd);
    }

    /**
     * Whether the name ending at {@code keyEnd} is a C function's that a daemon's message starts
     * with, Samba's DEBUG ({@code   check_ntlm_password:  Checking password for unmapped user …},
     * {@code   find_delete_on_close_token: name_hash = 0x77de2bef}), or kpasswd's
     * ({@code change_password: Principal does not exist}): snake case of {@link #MIN_FUNCTION_PARTS}
     * parts or more, or of two whose first is a verb, lower case, alone at its line's start, indented or not,
     * and a message after the ':', a word of letters then a space and a word, or the word assigned
     * ({@code = }). A config's dump keeps its value: {@code mysql_root_password: x} holds one word, and a
     * token has digits ({@code check_password: Xk9mP2qL for bob}).
     */
    static boolean isFunctionHeading(CharSequence s, int from, int keyEnd, int value, int end) {
        int start = identifierStart(s, from, keyEnd);
        int parts = 1;
        for (int i = start; i < keyEnd; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                parts++;
            } else if (!CharClass.isLower(c) && !CharClass.isDigit(c)) {
                return false;
            }
        }
        boolean verbFirst = parts == 2 && startsWithVerbPart(s, start, keyEnd);
        if (parts < MIN_FUNCTION_PARTS && !verbFirst || !startsLine(s, from, start)) {
            return false;
        }
        int word = value;
        while (word < end && word - value <= MAX_NAME && (CharClass.isLetter(s.charAt(word)) || s.charAt(word) == '_')) {
            word++;
        }
        if (word == value || word + 2 >= end || s.charAt(word) != ' ') {
            return false;
        }
        char next = s.charAt(word + 1);
        return CharClass.isLetter(next) || next == '=' && s.charAt(word + 2) == ' ';
    }

    /** Whether only spaces or tabs stand between the line's start (or the text's) and {@code at}. */
    private static boolean startsLine(CharSequence s, int from, int at) {
        int i = at;
        while (i > from && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == from || s.charAt(i - 1) == '\n' || s.charAt(i - 1) == '\r' || CharClass.isEscapedBreak(s, from, i - 1);
    }

    /** How many times a capital follows a lower-case letter in {@code s[start, stop)}. */
    static int humps(CharSequence s, int start, int stop) {
        int humps = 0;
        for (int i = start + 1; i < stop; i++) {
            if (CharClass.isUpper(s.charAt(i)) && CharClass.isLower(s.charAt(i - 1))) {
                humps++;
            }
        }
        return humps;
    }

    /** Whether the snake-case name at {@code start} starts with a verb then '_': {@code change_password}. */
    private static boolean startsWithVerbPart(CharSequence s, int start, int keyEnd) {
        for (String verb : VERBS) {
            int underscore = start + verb.length();
            if (underscore < keyEnd && s.charAt(underscore) == '_' && TextSearch.startsWith(s, start, keyEnd, verb)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithVerb(CharSequence s, int start, int keyEnd) {
        for (String verb : VERBS) {
            int hump = start + verb.length();
            if (hump < keyEnd && CharClass.isUpper(s.charAt(hump)) && TextSearch.startsWith(s, start, keyEnd, verb)) {
                return true;
            }
        }
        return false;
    }

    /** Where the Java identifier (letters, digits, '_', '$') ending at {@code end} starts. */
    private static int identifierStart(CharSequence s, int from, int end) {
        int start = end;
        while (start > from && end - start < MAX_NAME
                && (CharClass.isWord(s.charAt(start - 1)) || s.charAt(start - 1) == '$')) {
            start--;
        }
        return start;
    }
}
