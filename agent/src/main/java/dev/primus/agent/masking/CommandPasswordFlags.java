package dev.primus.agent.masking;

/**
 * The short flags that take a password in a few well-known commands, for password_kv: where the
 * flag's name says nothing ({@code -p}, {@code -a}, {@code -u}), only the command it is given to
 * makes it a password. So the command is read back from the flag, as a shell line or a logged
 * argument list writes it ({@code mysql -uroot -phunter2}, {@code [sshpass, -p, hunter2, ssh]}):
 * <ul>
 *   <li>{@code mysql*} and {@code mariadb*} clients: {@code -pVALUE}. {@code -p VALUE} is not one:
 *   a bare {@code -p} asks for the password, and the next word is the database.</li>
 *   <li>{@code sshpass}: {@code -p VALUE} or {@code -pVALUE}.</li>
 *   <li>{@code redis-cli}, {@code valkey-cli}: {@code -a VALUE}.</li>
 *   <li>{@code docker}, {@code podman}, {@code nerdctl} with {@code login}: {@code -p VALUE}
 *   ({@code docker run -p 8080:80} publishes a port).</li>
 *   <li>{@code 7z}, {@code 7za}, {@code 7zr}: {@code -pVALUE}; {@code zip}, {@code unzip}: {@code -P VALUE}.</li>
 *   <li>{@code curl}: {@code -u}, {@code --user}, {@code -U} or {@code --proxy-user} {@code USER:PASSWORD}
 *   (or {@code -uUSER:PASSWORD}), of which only the password; {@code etcdctl}'s {@code --user} the same.</li>
 *   <li>{@code mongo*} ({@code mongosh}, {@code mongodump}, ...): {@code -p VALUE}; {@code sqlcmd}, {@code bcp}:
 *   {@code -P VALUE} or {@code -PVALUE}; {@code ldap*} clients: {@code -w VALUE} ({@code -W} asks);
 *   {@code openssl}: {@code -k VALUE}, and whatever the command, {@code -pass}, {@code -passin} or
 *   {@code -passout pass:VALUE}; {@code az login}: {@code -p VALUE}; {@code ssh-keygen}: {@code -N VALUE}
 *   and {@code -P VALUE}.</li>
 *   <li>HTTPie ({@code http}, {@code https}): {@code -a USER:PASSWORD} ({@code --auth} is a key's flag); {@code lftp}:
 *   {@code -u USER,PASSWORD}; {@code smbclient} and {@code rpcclient}: {@code -U USER%PASSWORD}; of
 *   each only the password.</li>
 *   <li>{@code htpasswd}'s batch mode: {@code -b [-c] FILE USER PASSWORD}, {@code -nb USER PASSWORD}.</li>
 * </ul>
 * The command is the nearest of these names before the flag, on the same command ({@link CommandWords}).
 */
final class CommandPasswordFlags {
    private static final int ATTACHED = 1;
    private static final int SPACED = 2;
    /** The value is {@code USER:PASSWORD}, of which only the password is masked. */
    private static final int USER_AND_PASSWORD = 4;
    /** The value is {@code USER,PASSWORD} (lftp's), of which only the password is masked. */
    private static final int USER_COMMA_PASSWORD = 8;
    /** The value is {@code USER%PASSWORD} (Samba's), of which only the password is masked. */
    private static final int USER_PERCENT_PASSWORD = 16;

    /** curl's flags that take {@code USER:PASSWORD}. */
    private static final String[] CURL_USER_FLAGS = {"-u", "-U", "--user", "--proxy-user"};
    private static final String[] HTPASSWD = {"htpasswd"};
    /** OpenSSL's pass phrase argument given as the password itself: {@code -passin pass:x}. */
    private static final String PASS_SOURCE = "pass:";

    private CommandPasswordFlags() {
    }

    private static boolean isOpensslPassFlag(CharSequence s, int nameStart, int nameEnd) {
        return is(s, nameStart, nameEnd, "pass") || is(s, nameStart, nameEnd, "passin")
                || is(s, nameStart, nameEnd, "passout");
    }

    /** {@code at} is the '-' of a flag at a word start. */
    static long match(CharSequence s, int from, int at, int end) {
        boolean longFlag = at + 1 < end && s.charAt(at + 1) == '-';
        int nameStart = longFlag ? at + 2 : at + 1;
        int nameEnd = nameStart;
        while (nameEnd < end && (CharClass.isLetter(s.charAt(nameEnd)) || s.charAt(nameEnd) == '-')) {
            nameEnd++;
        }
        if (nameEnd == nameStart || (longFlag ? nameEnd : nameStart + 1) >= end) {
            return Match.NONE;
        }
        if (!longFlag && nameEnd + 1 + PASS_SOURCE.length() < end && s.charAt(nameEnd) == ' '
                && TextSearch.startsWith(s, nameEnd + 1, end, PASS_SOURCE) && isOpensslPassFlag(s, nameStart, nameEnd)) {
            return PasswordValues.valueAt(s, nameEnd + 1 + PASS_SOURCE.length(), end);
        }
        if (!longFlag) {
            long batch = htpasswdBatchPassword(s, from, at, nameStart, nameEnd, end);
            if (batch != Match.NONE) {
                return batch;
            }
        }
        char letter = longFlag ? 'u' : s.charAt(nameStart);
        if (longFlag ? !TextSearch.equalsIgnoreCase(s, nameStart, nameEnd, "user")
                && !TextSearch.equalsIgnoreCase(s, nameStart, nameEnd, "proxy-user") : "paPuUwkN".indexOf(letter) < 0) {
            return Match.NONE;
        }
        int flagEnd = longFlag ? nameEnd : nameStart + 1;
        int separate = separateValue(s, from, at, flagEnd, end);
        int forms = forms(s, from, at, letter);
        if (separate >= 0) {
            return (forms & SPACED) == 0 ? Match.NONE : value(s, separate, end, forms);
        }
        if (longFlag) { // --user=admin:pw
            return forms == 0 || s.charAt(flagEnd) != '=' ? Match.NONE : value(s, flagEnd + 1, end, forms);
        }
        if ((forms & ATTACHED) == 0) {
            return Match.NONE;
        }
        // An item of a logged list, '-phunter2': the value ends where the item does.
        char open = at > from ? s.charAt(at - 1) : 0;
        int itemEnd = CharClass.isQuote(open) ? TextSearch.indexOf(s, open, flagEnd, end) : -1;
        return value(s, flagEnd, itemEnd < 0 ? end : itemEnd, forms);
    }

    /**
     * htpasswd's batch mode, the password on the command line: {@code htpasswd -b [-c] FILE USER PASSWORD},
     * or {@code htpasswd -nb USER PASSWORD} with no file. At the flag holding the 'b' ({@code -b},
     * {@code -bc}, {@code -nbB}), the other flags after it passed over, the positional argument that
     * is the password; NONE for another flag or command.
     */
    private static long htpasswdBatchPassword(CharSequence s, int from, int at, int nameStart, int nameEnd, int end) {
        if (TextSearch.indexOf(s, 'b', nameStart, nameEnd) < 0 || !CommandWords.givenTo(s, from, at, HTPASSWD)) {
            return Match.NONE;
        }
        boolean noFile = TextSearch.indexOf(s, 'n', nameStart, nameEnd) >= 0;
        int i = nameEnd;
        int positional = 0;
        while (i < end && s.charAt(i) == ' ') {
            int word = i + 1;
            int wordEnd = word;
            while (wordEnd < end && !Character.isWhitespace(s.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd == word) {
                return Match.NONE;
            }
            if (s.charAt(word) == '-') {
                noFile |= TextSearch.indexOf(s, 'n', word, wordEnd) >= 0;
            } else if (++positional == (noFile ? 2 : 3)) {
                return PasswordValues.valueAt(s, word, end);
            }
            i = wordEnd;
        }
        return Match.NONE;
    }

    /**
     * Whether {@code start} begins the {@code USER} of curl's {@code -u}, {@code -U},
     * {@code --user} or {@code --proxy-user} {@code USER:PASSWORD}, after a space or '=': the email
     * detector masks an address there, which would otherwise read as a remote's {@code user@host:path}.
     */
    static boolean isCurlUser(CharSequence s, int from, int start) {
        int flagEnd = start;
        if (flagEnd > from && (s.charAt(flagEnd - 1) == ' ' || s.charAt(flagEnd - 1) == '=')) {
            flagEnd--;
        }
        for (String flag : CURL_USER_FLAGS) {
            int flagStart = flagEnd - flag.length();
            if (flagStart >= from && TextSearch.startsWith(s, flagStart, flagEnd, flag)
                    && (flagStart == from || s.charAt(flagStart - 1) == ' ')) {
                return (forms(s, from, flagStart, 'u') & USER_AND_PASSWORD) != 0;
            }
        }
        return false;
    }

    /**
     * Where the value after a flag ending at {@code flagEnd} starts when it is a word of its own:
     * after a space ({@code -p v}), as a logged argument list writes it ({@code [sshpass, -p, v]},
     * {@code ['sshpass', '-p', 'v']}, compact JSON's {@code ["sshpass","-p","v"]}, the audit log's
     * {@code a6="-w" a7="v"}), or -1.
     */
    static int separateValue(CharSequence s, int from, int at, int flagEnd, int end) {
        int i = flagEnd;
        boolean quoted = i < end && at > from && s.charAt(at - 1) == s.charAt(i) && CharClass.isQuote(s.charAt(i));
        if (quoted) {
            i++; // the quote that closes the flag in a list
        }
        boolean listed = i < end && s.charAt(i) == ',';
        if (listed) {
            i++;
        }
        if (i < end && s.charAt(i) == ' ') {
            i++;
            if (quoted) {
                i = pastAuditArgumentName(s, i, end);
            }
        } else if (!quoted || !listed) {
            return -1;
        }
        int word = i < end && CharClass.isQuote(s.charAt(i)) ? i + 1 : i;
        // The next flag: this one takes no value here.
        return word >= end || s.charAt(word) == '-' ? -1 : i;
    }

    /**
     * Past the name of the Linux audit log's next argument, {@code a7=}, in its {@code EXECVE} record
     * ({@code a6="-w" a7="x"}); {@code at} itself when none stands there.
     */
    private static int pastAuditArgumentName(CharSequence s, int at, int end) {
        if (at >= end || s.charAt(at) != 'a') {
            return at;
        }
        int digits = CharClass.digitsEnd(s, at + 1, end);
        return digits > at + 1 && digits + 1 < end && s.charAt(digits) == '=' && s.charAt(digits + 1) == '"'
                ? digits + 1 : at;
    }

    private static long value(CharSequence s, int value, int end, int forms) {
        long found = PasswordValues.valueAt(s, value, end);
        char separator = (forms & USER_AND_PASSWORD) != 0 ? ':' : (forms & USER_COMMA_PASSWORD) != 0 ? ','
                : (forms & USER_PERCENT_PASSWORD) != 0 ? '%' : 0;
        if (found == Match.NONE || separator == 0) {
            return found;
        }
        int split = TextSearch.indexOf(s, separator, Match.start(found), Match.end(found));
        return split < 0 || split + 1 == Match.end(found) || FrameworkValues.isOne(s, split + 1, Match.end(found))
                ? Match.NONE : Match.of(split + 1, Match.end(found));
    }

    /**
     * How the command before {@code at} takes a password after flag {@code letter} ('u' for curl's
     * long flags too): {@link #ATTACHED}, {@link #SPACED}, both, or 0 when it takes none there.
     */
    private static int forms(CharSequence s, int from, int at, char letter) {
        boolean login = false;
        int limit = CommandWords.limit(from, at);
        int i = at;
        while ((i = CommandWords.previousWordEnd(s, from, limit, i)) >= 0) {
            int start = CommandWords.wordStart(s, from, limit, i);
            if (i + 2 < at && s.charAt(i) == ':' && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
                i = start; // a URL's scheme, no command: "--endpoints=http://127.0.0.1:2379" is no HTTPie
                continue;
            }
            int name = CommandWords.nameStart(s, start, i);
            int nameEnd = CommandWords.nameEnd(s, name, i);
            int forms = commandForms(s, name, nameEnd, letter, login);
            if (forms >= 0) {
                return forms;
            }
            login |= TextSearch.equalsIgnoreCase(s, name, nameEnd, "login");
            i = start;
        }
        return 0;
    }

    /** The forms command {@code s[name, end)} takes after {@code letter}; -1 when it is no command known here. */
    private static int commandForms(CharSequence s, int name, int end, char letter, boolean login) {
        if (TextSearch.startsWithIgnoreCase(s, name, end, "mysql")
                || TextSearch.startsWithIgnoreCase(s, name, end, "mariadb")) {
            return letter == 'p' ? ATTACHED : 0;
        }
        if (is(s, name, end, "sshpass")) {
            return letter == 'p' ? ATTACHED | SPACED : 0;
        }
        if (is(s, name, end, "redis-cli") || is(s, name, end, "valkey-cli")) {
            return letter == 'a' ? SPACED : 0;
        }
        if (is(s, name, end, "docker") || is(s, name, end, "podman") || is(s, name, end, "nerdctl")) {
            return letter == 'p' && login ? ATTACHED | SPACED : 0;
        }
        if (is(s, name, end, "7z") || is(s, name, end, "7za") || is(s, name, end, "7zr")) {
            return letter == 'p' ? ATTACHED : 0;
        }
        if (is(s, name, end, "zip") || is(s, name, end, "unzip")) {
            return letter == 'P' ? SPACED : 0;
        }
        if (is(s, name, end, "curl")) {
            return letter == 'u' || letter == 'U' ? ATTACHED | SPACED | USER_AND_PASSWORD : 0;
        }
        if (is(s, name, end, "etcdctl")) { // --user root:pw, as curl's
            return letter == 'u' ? ATTACHED | SPACED | USER_AND_PASSWORD : 0;
        }
        if (TextSearch.startsWithIgnoreCase(s, name, end, "mongo")) { // mongo, mongosh, mongodump, ...
            return letter == 'p' ? SPACED : 0;
        }
        if (is(s, name, end, "sqlcmd") || is(s, name, end, "bcp")) {
            return letter == 'P' ? ATTACHED | SPACED : 0;
        }
        if (TextSearch.startsWithIgnoreCase(s, name, end, "ldap")) { // ldapsearch, ldapmodify, ...
            return letter == 'w' ? SPACED : 0;
        }
        if (is(s, name, end, "openssl")) {
            return letter == 'k' ? SPACED : 0;
        }
        if (is(s, name, end, "az")) {
            return letter == 'p' && login ? SPACED : 0;
        }
        if (is(s, name, end, "ssh-keygen")) {
            return letter == 'N' || letter == 'P' ? SPACED : 0;
        }
        if (is(s, name, end, "http") || is(s, name, end, "https")) { // HTTPie
            return letter == 'a' ? ATTACHED | SPACED | USER_AND_PASSWORD : 0;
        }
        if (is(s, name, end, "lftp")) {
            return letter == 'u' ? SPACED | USER_COMMA_PASSWORD : 0;
        }
        if (is(s, name, end, "smbclient") || is(s, name, end, "rpcclient")) {
            return letter == 'U' ? ATTACHED | SPACED | USER_PERCENT_PASSWORD : 0;
        }
        return -1;
    }

    private static boolean is(CharSequence s, int start, int end, String command) {
        return TextSearch.equalsIgnoreCase(s, start, end, command);
    }
}
