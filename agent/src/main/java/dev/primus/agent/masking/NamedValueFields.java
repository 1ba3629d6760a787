package dev.primus.agent.masking;

/**
 * For password_kv: a {@code value} field whose sibling before it names a secret, as Kubernetes,
 * ECS and AWS SSM write a setting ({@code {"name":"DB_PASSWORD","value":"x"}}, Go's
 * {@code {Name:DB_PASSWORD Value:x}}, fabric8's {@code EnvVar(name=DB_PASSWORD, value=x)}, YAML's
 * {@code - name: DB_PASSWORD}, a line break, {@code value: x}) and Keycloak a credential
 * ({@code {"type":"password","value":"x"}}); and Spring Boot Actuator's {@code "db.password": {"value": "x"}},
 * the first field of an object a secret key holds. Read back from the {@code value} key: over the gap
 * between the fields (a comma, spaces, a line break), the sibling's value, quoted or not, its
 * separator, and its key, one of {@code name}, {@code key} or {@code type}. No further: the
 * sibling must stand right before.
 */
final class NamedValueFields {
    private static final String VALUE = "value";
    private static final String[] NAMING_KEYS = {"name", "key", "type"};
    private static final int MAX_GAP = 16;
    private static final int MAX_NAME = 128;

    private NamedValueFields() {
    }

    /** Whether the key ending at {@code keyEnd} is a {@code value} that a secret-naming sibling before it gives a name. */
    static boolean isValueOfNamedSecret(CharSequence s, int from, int keyEnd) {
        int keyStart = keyEnd - VALUE.length();
        if (keyStart < from || !TextSearch.startsWithIgnoreCase(s, keyStart, keyEnd, VALUE)
                || (keyStart > from && CharClass.isAlnum(s.charAt(keyStart - 1)))) {
            return false;
        }
        int i = keyStart > from && CharClass.isQuote(s.charAt(keyStart - 1)) ? keyStart - 1 : keyStart;
        int brace = i;
        while (brace > from && s.charAt(brace - 1) == ' ') {
            brace--;
        }
        if (brace > from && s.charAt(brace - 1) == '{') {
            return isObjectOfSecretKey(s, from, brace - 1);
        }
        i = skipGap(s, from, i);
        if (i <= from) {
            return false;
        }
        int nameEnd = i;
        int nameStart;
        if (CharClass.isQuote(s.charAt(i - 1))) {
            nameEnd = i - 1;
            nameStart = nameEnd;
            while (nameStart > from && nameEnd - nameStart <= MAX_NAME && s.charAt(nameStart - 1) != s.charAt(i - 1)) {
                nameStart--;
            }
            if (nameStart <= from || s.charAt(nameStart - 1) != s.charAt(i - 1)) {
                return false;
            }
            i = nameStart - 1;
        } else {
            nameStart = nameEnd;
            while (nameStart > from && nameEnd - nameStart <= MAX_NAME && isNameChar(s.charAt(nameStart - 1))) {
                nameStart--;
            }
            i = nameStart;
        }
        if (nameStart == nameEnd || !PasswordValues.isKey(s, nameStart, nameEnd)) {
            return false;
        }
        while (i > from && s.charAt(i - 1) == ' ') {
            i--;
        }
        if (i <= from || (s.charAt(i - 1) != ':' && s.charAt(i - 1) != '=')) {
            return false;
        }
        int siblingEnd = KeyedValue.keyEnd(s, from, i - 1);
        return isNamingKey(s, from, siblingEnd);
    }

    /**
     * Whether the '{' at {@code brace} opens the value of a secret key: Spring Boot Actuator's
     * {@code "spring.datasource.password": {"value": "x", "origin": ...}}.
     */
    private static boolean isObjectOfSecretKey(CharSequence s, int from, int brace) {
        int i = brace;
        while (i > from && s.charAt(i - 1) == ' ') {
            i--;
        }
        if (i <= from || (s.charAt(i - 1) != ':' && s.charAt(i - 1) != '=')) {
            return false;
        }
        int keyEnd = KeyedValue.keyEnd(s, from, i - 1);
        int keyStart = keyEnd;
        while (keyStart > from && keyEnd - keyStart <= MAX_NAME && isNameChar(s.charAt(keyStart - 1))) {
            keyStart--;
        }
        return keyStart < keyEnd && PasswordValues.isKey(s, keyStart, keyEnd);
    }

    /** Back over what stands between two fields: spaces, a comma, a line break (escaped or not), YAML's indent. */
    private static int skipGap(CharSequence s, int from, int at) {
        int i = at;
        boolean comma = false;
        while (i > from && at - i <= MAX_GAP) {
            char c = s.charAt(i - 1);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i--;
            } else if (c == ',' && !comma) {
                comma = true;
                i--;
            } else if ((c == 'n' || c == 'r') && CharClass.isEscapedBreak(s, from, i - 1)) {
                i -= 2;
            } else {
                break;
            }
        }
        return i == at ? -1 : i;
    }

    private static boolean isNamingKey(CharSequence s, int from, int keyEnd) {
        for (String key : NAMING_KEYS) {
            int start = keyEnd - key.length();
            if (start >= from && TextSearch.startsWithIgnoreCase(s, start, keyEnd, key)
                    && (start == from || !CharClass.isAlnum(s.charAt(start - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** What an unquoted setting's name holds: {@code DB_PASSWORD}, {@code /prod/db/password}, {@code db.password}. */
    private static boolean isNameChar(char c) {
        return CharClass.isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '/';
    }
}
