package dev.primus.agent.masking;

/**
 * For password_kv: a {@code value} field whose sibling before it names a secret, as Kubernetes,
 * ECS and AWS SSM write a setting ({@code {"name":"DB_PASSWORD","value":"x"}}, Go's
 * {@code {Name:DB_PASSWORD Value:x}}, fabric8's {@code EnvVar(name=DB_PASSWORD, value=x)}, YAML's
 * {@code - name: DB_PASSWORD}, a line break, {@code value: x}) and Keycloak a credential
 * ({@code {"type":"password","value":"x"}}); and Spring Boot Actuator's {@code "db.password": {"value": "x"}},
 * the first field of an object a secret key holds; and Spring Boot's report of a property it could
 * not bind ({@code Property: app.datasource.password}, a line break, {@code Value: "x"}), and the
 * rejected value of a field error Spring writes as JSON ({@code "field":"password","rejectedValue":"x"}). Read back
 * from the {@code value} key: over the gap between the fields (a comma, spaces, a line break), a
 * sibling's value, quoted or not, its separator, and its key, one of {@code name}, {@code key},
 * {@code type}, {@code property} or {@code field}, up to three fields
 * back ({@code {"Name":"/prod/db/password","Type":"SecureString","Value":"x"}} of AWS SSM); or
 * forward over the value to the next field ({@code {"value":"x","name":"DB_PASSWORD"}}); and an Azure Key
 * Vault secret's {@code value}, named by its object's {@code id} ({@link KeyVaultSecrets}).
 */
final class NamedValueFields {
    private static final String VALUE = "value";
    /** UnboundID's LDAP SDK gives an attribute's values so: {@code Attribute(name=userPassword, values={'x'})}. */
    private static final String VALUES = "values";
    /** Spring's field error as JSON gives its value under this key: {@code "field":"password","rejectedValue":"x"}. */
    private static final String REJECTED_VALUE = "rejectedvalue";
    /**
     * Spring Cloud Gateway's shortcut arguments of a filter, the header's or parameter's name and then
     * its value: {@code AddRequestHeader} logged as {@code args={_genkey_0=X-Api-Key, _genkey_1=x}}.
     */
    private static final String GATEWAY_VALUE = "_genkey_1";
    /** The keys a value is read under, the longer first where one ends another. */
    private static final String[] VALUE_KEYS = {REJECTED_VALUE, VALUES, VALUE, GATEWAY_VALUE};
    private static final String[] NAMING_KEYS = {"name", "key", "type", "property", "field", "attr", "_genkey_0"};
    private static final int MAX_GAP = 16;
    private static final String[] WORKING_DIRECTORIES = {"PWD", "OLDPWD"};
    private static final int MAX_NAME = 128;
    /** How many fields before a {@code value} are read for the one that names it (AWS SSM puts Type between). */
    private static final int MAX_SIBLINGS = 3;

    private NamedValueFields() {
    }

    /**
     * Whether the key ending at {@code keyEnd}, before the separator at {@code at}, is a
     * {@code value} that a secret-naming sibling gives a name: one of the few fields before it in
     * its object, or the one right after its value ({@code {"value":"x","name":"DB_PASSWORD"}}).
     */
    static boolean isValueOfNamedSecret(CharSequence s, int from, int keyEnd, int at, int end) {
        int keyStart = valueKeyStart(s, from, keyEnd);
        if (keyStart < 0 || keyStart > from && CharClass.isAlnum(s.charAt(keyStart - 1))
                && !CharClass.isEscapedBreak(s, from, keyStart - 1)) {
            return false;
        }
        int i = keyStart > from && CharClass.isQuote(s.charAt(keyStart - 1)) ? keyStart - 1 : keyStart;
        int brace = i;
        // Spaces, or a line break (escaped or not) and an indent, as pretty-printed JSON puts the first field
        // under its brace.
        while (brace > from) {
            char c = s.charAt(brace - 1);
            if (c == ' ' || c == '\n' || c == '\r') {
                brace--;
            } else if ((c == 'n' || c == 'r') && CharClass.isEscapedBreak(s, from, brace - 1)) {
                brace -= 2;
            } else {
                break;
            }
        }
        if (isKeyVaultValue(s, from, keyStart, keyEnd, at, end)) {
            return true;
        }
        if (brace > from && s.charAt(brace - 1) == '{') {
            return isObjectOfSecretKey(s, from, brace - 1) || namedAfter(s, at, end);
        }
        i = pastLabelsFirstWord(s, from, i);
        for (int siblings = 0; siblings < MAX_SIBLINGS; siblings++) {
            i = skipGap(s, from, i);
            if (i <= from) {
                return false;
            }
            int valueEnd = CharClass.isQuote(s.charAt(i - 1)) ? i - 1 : i;
            int valueStart = valueEnd == i ? nameStartBefore(s, from, i) : openingQuote(s, from, valueEnd);
            if (valueStart < 0 || valueStart == valueEnd) {
                return false;
            }
            int separator = valueEnd == i ? valueStart : valueStart - 1;
            while (separator > from && s.charAt(separator - 1) == ' ') {
                separator--;
            }
            if (separator <= from || (s.charAt(separator - 1) != ':' && s.charAt(separator - 1) != '=')) {
                return false;
            }
            int siblingEnd = KeyedValue.keyEnd(s, from, separator - 1);
            if (isNamingKey(s, from, siblingEnd) && PasswordValues.isKey(s, valueStart, valueEnd)) {
                return true;
            }
            i = nameStartBefore(s, from, siblingEnd);
            if (i > from && CharClass.isQuote(s.charAt(i - 1))) {
                i--;
            }
        }
        return namedAfter(s, at, end);
    }

    /** Where the {@code value}, {@code values} or {@code rejectedValue} key ending at {@code keyEnd} starts, or -1. */
    private static int valueKeyStart(CharSequence s, int from, int keyEnd) {
        for (String key : VALUE_KEYS) {
            int keyStart = keyEnd - key.length();
            if (keyStart >= from && TextSearch.startsWithIgnoreCase(s, keyStart, keyEnd, key)) {
                return keyStart;
            }
        }
        return -1;
    }

    /**
     * Before the key at {@code at}, the first word of a label in capitals it ends, where one stands:
     * UnboundID's LDAP debug output, {@code Attribute Type:  userPassword}, a line break, then
     * {@code Assertion Value:  x}. {@code at} itself otherwise.
     */
    private static int pastLabelsFirstWord(CharSequence s, int from, int at) {
        int word = at - 1;
        if (word <= from || s.charAt(word) != ' ') {
            return at;
        }
        while (word > from && CharClass.isLetter(s.charAt(word - 1)) && at - word <= MAX_GAP) {
            word--;
        }
        boolean starts = word == from || s.charAt(word - 1) == ' ' || s.charAt(word - 1) == '\n'
                || CharClass.isEscapedBreak(s, from, word - 1);
        return word < at - 1 && CharClass.isUpper(s.charAt(word)) && starts ? word : at;
    }

    /** A {@code value}, not a {@code rejectedValue}, in an Azure Key Vault secret's object ({@link KeyVaultSecrets}). */
    private static boolean isKeyVaultValue(CharSequence s, int from, int keyStart, int keyEnd, int at, int end) {
        return keyEnd - keyStart == VALUE.length() && KeyVaultSecrets.isSecretValue(s, from, keyStart, at, end);
    }

    /**
     * Whether the field right after the value that starts past the separator at {@code at} is a
     * naming key whose value is a secret's name: {@code "value":"x","name":"DB_PASSWORD"}.
     */
    private static boolean namedAfter(CharSequence s, int at, int end) {
        int i = at + 1;
        while (i < end && s.charAt(i) == ' ') {
            i++;
        }
        if (i >= end) {
            return false;
        }
        char quote = s.charAt(i);
        int valueEnd = CharClass.isQuote(quote) ? TextSearch.indexOf(s, quote, i + 1, Math.min(end, i + 1 + MAX_NAME))
                : fieldEnd(s, i, end);
        if (valueEnd < 0) {
            return false;
        }
        int key = valueEnd + (CharClass.isQuote(quote) ? 1 : 0);
        while (key < end && (s.charAt(key) == ',' || s.charAt(key) == ' ')) {
            key++;
        }
        boolean quotedKey = key < end && CharClass.isQuote(s.charAt(key));
        int keyStart = quotedKey ? key + 1 : key;
        int keyEnd = keyStart;
        while (keyEnd < end && CharClass.isAlnum(s.charAt(keyEnd))) {
            keyEnd++;
        }
        int separator = quotedKey && keyEnd < end && s.charAt(keyEnd) == s.charAt(key) ? keyEnd + 1 : keyEnd;
        if (keyEnd == keyStart || separator >= end || (s.charAt(separator) != ':' && s.charAt(separator) != '=')
                || !isNamingKey(s, keyStart, keyEnd)) {
            return false;
        }
        int name = separator + 1;
        while (name < end && s.charAt(name) == ' ') {
            name++;
        }
        boolean quotedName = name < end && CharClass.isQuote(s.charAt(name));
        int nameStart = quotedName ? name + 1 : name;
        int nameEnd = quotedName ? TextSearch.indexOf(s, s.charAt(name), nameStart, Math.min(end, nameStart + MAX_NAME))
                : fieldEnd(s, nameStart, end);
        return nameEnd > nameStart && PasswordValues.isKey(s, nameStart, nameEnd);
    }

    /** Where an unquoted field's text starting at {@code at} ends: a ',', '}', ')', space or line break. */
    private static int fieldEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && i - at <= MAX_NAME && isNameChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the run of name chars ending at {@code end} starts. */
    private static int nameStartBefore(CharSequence s, int from, int end) {
        int start = end;
        while (start > from && end - start <= MAX_NAME && isNameChar(s.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** Past the quote that opens the string whose closing quote stands at {@code closing}; -1 when none does. */
    private static int openingQuote(CharSequence s, int from, int closing) {
        char quote = s.charAt(closing);
        int start = closing;
        while (start > from && closing - start <= MAX_NAME && s.charAt(start - 1) != quote) {
            start--;
        }
        return start > from && s.charAt(start - 1) == quote ? start : -1;
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
        return keyStart < keyEnd && !isWorkingDirectory(s, keyStart, keyEnd)
                && (PasswordValues.isKey(s, keyStart, keyEnd) || AwsSecretKeys.namesASecretKey(s, keyStart, keyEnd));
    }

    /** The shell's {@code PWD} or {@code OLDPWD}, as an environment's dump names them: a folder, no password. */
    private static boolean isWorkingDirectory(CharSequence s, int keyStart, int keyEnd) {
        return TextSearch.isOneOf(s, keyStart, keyEnd, WORKING_DIRECTORIES);
    }

    /** Back over what stands between two fields: spaces, a comma, a line break (escaped or not), YAML's indent. */
    private static int skipGap(CharSequence s, int from, int at) {
        int i = at;
        boolean comma = false;
        while (i > from && at - i <= MAX_GAP) {
            char c = s.charAt(i - 1);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i--;
            } else if ((c == ',' || c == '/' && i - 2 >= from && s.charAt(i - 2) == ' ' && s.charAt(i) == ' ') && !comma) {
                comma = true; // a ',', or pac4j's " / ": "adding => key: refresh_token / value: x"
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
        return TextSearch.endsWithWordOf(s, from, keyEnd, NAMING_KEYS);
    }

    /** What an unquoted setting's name holds: {@code DB_PASSWORD}, {@code /prod/db/password}, {@code db.password}. */
    private static boolean isNameChar(char c) {
        return CharClass.isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '/';
    }
}
