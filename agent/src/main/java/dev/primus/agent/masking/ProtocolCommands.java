package dev.primus.agent.masking;

/**
 * For password_kv: a credential sent as a protocol command's argument, as a client that logs the
 * commands it sends writes it (Apache Commons Net's {@code PrintCommandListener}, which hides no
 * {@code AUTH}; a Redis client's command log; an SMTP or POP3 trace; Redis's {@code MONITOR}):
 * <ul>
 * <li>FTP and POP3: {@code PASS hunter2}, the rest of the line;
 * <li>SASL with an initial response (SMTP, POP3, IMAP): {@code AUTH PLAIN AGJvYgBodW50ZXIy},
 * {@code AUTH XOAUTH2 dXNlcj1ib2IB...}: the response; PLAIN's, XOAUTH2's and OAUTHBEARER's also
 * in a sentence ({@code SMTP AUTH PLAIN AGJvYgBodW50ZXIy}) and after IMAP's {@code AUTHENTICATE},
 * where it decodes as the mechanism's ({@link BasicCredentials});
 * <li>Redis: {@code AUTH hunter2}, {@code AUTH app hunter2} (an ACL user's), and {@code MONITOR}'s
 * quoted {@code "AUTH" "app" "hunter2"} anywhere on its line: the password;
 * <li>Redis in RESP, as a client logs the bytes it sends: {@link RespCommands}.
 * <li>IMAP, after the command's tag: {@code a001 LOGIN bob hunter2}, {@code A1 LOGIN "bob" "hunter2"}:
 * the password.
 * </ul>
 * A command is read in capitals only, as clients send and log it, and an unquoted one only where
 * it starts its line, after an indent or a prompt such as {@code > } or {@code C: }, or after a
 * client's label of what it sends ({@code FTP command: PASS x}, {@code DEBUG SMTP: AUTH PLAIN x}): test
 * runners' {@code PASS} ({@code --- PASS: TestX}, Jest's {@code PASS  src/a.test.js}; gotestsum's
 * {@code PASS auth.TestX (0.00s)} at a line's start, {@link TestVerdicts}) and the
 * word in a sentence ({@code AUTH failed for user bob}) stay as written. A Redis argument that
 * is a word in capitals ({@code AUTH OK}) reads as a status, and a SASL mechanism's name alone
 * ({@code AUTH LOGIN}) carries no credential.
 */
final class ProtocolCommands {
    private static final String PASS = "PASS ";
    private static final String AUTH = "AUTH";
    private static final String LOGIN = "LOGIN ";
    private static final String AUTHENTICATE = "AUTHENTICATE ";
    private static final String PLAIN = "PLAIN ";
    private static final String XOAUTH2 = "XOAUTH2 ";
    private static final String OAUTHBEARER = "OAUTHBEARER ";
    /** The longest IMAP tag before a command: {@code a001}, {@code A1}, {@code 1.2}. */
    private static final int MAX_TAG = 8;
    /** The SASL mechanisms an {@code AUTH} may name before its initial response. */
    private static final String[] MECHANISMS = {"PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER", "CRAM-MD5", "DIGEST-MD5",
        "SCRAM-SHA-1", "SCRAM-SHA-256", "GSSAPI", "NTLM", "EXTERNAL", "ANONYMOUS"};
    /** The most a prompt before a command may take: {@code "  --> "}. */
    private static final int MAX_PROMPT = 8;
    /** redis-cli's prompt: a host of at most this many chars, a port, a database's number. */
    private static final int MAX_HOST = 253;
    private static final int MAX_PORT_DIGITS = 5;
    private static final int MAX_SPACES_AFTER_PROMPT = 2;
    private static final int MAX_ARGUMENTS = 2;
    /** The longest quoted argument read: the bound that keeps a line of many {@code "AUTH" "} linear. */
    private static final int MAX_ARGUMENT = 512;
    /** The words a client's trace labels a sent command with, before ": " ({@link #afterCommandLabel}). */
    private static final String[] COMMAND_LABELS = {"command", "cmd", "sent", "send", "sending", "request", "smtp",
        "ftp", "pop3", "imap", "client"};
    private static final int MAX_LABEL = 8;
    /** What Redis 6.2 and later's MONITOR writes for AUTH's arguments. */
    private static final String REDACTED = "(redacted)";

    private ProtocolCommands() {
    }

    /**
     * Whether a command may start at {@code at}, a 'P', 'A' or 'L' at a word start, or FreeRADIUS's
     * "Login " ({@link RadiusLoginLines}): what the scan checks before calling.
     */
    static boolean mayStart(CharSequence s, int at, int end) {
        if (at + 5 >= end) {
            return false; // a command, its space, and at least a char of its argument
        }
        switch (s.charAt(at)) {
            case 'P':
                return TextSearch.startsWith(s, at, end, PASS);
            case 'L':
                return TextSearch.startsWith(s, at, end, LOGIN) || RadiusLoginLines.mayStart(s, at, end);
            default:
                return TextSearch.startsWith(s, at, end, AUTH) && (s.charAt(at + 4) == ' ' || s.charAt(at + 4) == '"'
                        || TextSearch.breakEnd(s, at + 4, end) > 0 || TextSearch.startsWith(s, at, end, AUTHENTICATE));
        }
    }

    /** {@code at} is a 'P', 'A' or 'L' at a word start; nothing before {@code from} is read. */
    static long match(CharSequence s, int from, int at, int end) {
        if (!mayStart(s, at, end)) {
            return Match.NONE;
        }
        if (s.charAt(at) == 'L') {
            if (!TextSearch.startsWith(s, at, end, LOGIN)) {
                return RadiusLoginLines.match(s, from, at, end); // FreeRADIUS's "Login OK: [user/password]"
            }
            int tag = tagStart(s, from, at);
            return tag >= 0 && startsLine(s, from, tag) ? login(s, at + LOGIN.length(), end) : Match.NONE;
        }
        if (at > from && s.charAt(at - 1) == '"') {
            return s.charAt(at + 4) == '"' ? quotedAuth(s, at + 5, end) : Match.NONE;
        }
        if (s.charAt(at) == 'A' && s.charAt(at + 4) == 'E') {
            return saslResponse(s, at + AUTHENTICATE.length(), end); // IMAP's "a001 AUTHENTICATE XOAUTH2 x"
        }
        if (s.charAt(at) == 'A' && TextSearch.breakEnd(s, at + 4, end) > 0) {
            return RespCommands.match(s, from, at, end);
        }
        if (s.charAt(at + 4) != ' ') {
            return Match.NONE;
        }
        if (!startsLine(s, from, at)) {
            // In a sentence ("SMTP AUTH PLAIN x", "sending AUTH PLAIN x"): only a response that decodes as its mechanism's.
            return s.charAt(at) == 'A' ? saslResponse(s, at + AUTH.length() + 1, end) : Match.NONE;
        }
        int argument = at + 5;
        int lineEnd = trimmedLineEnd(s, argument, end);
        if (argument >= lineEnd || s.charAt(argument) == ' ') {
            return Match.NONE;
        }
        if (s.charAt(at) == 'P') {
            // gotestsum's "PASS auth.TestLogin (0.00s)": a test's name and time, no password.
            return TestVerdicts.isNameAndTime(s, argument, lineEnd) ? Match.NONE : Match.of(argument, lineEnd);
        }
        return auth(s, argument, lineEnd);
    }

    /** {@code AUTH}'s one or two arguments, {@code s[at, lineEnd)}. */
    private static long auth(CharSequence s, int at, int lineEnd) {
        int space = TextSearch.indexOf(s, ' ', at, lineEnd);
        if (space < 0) {
            // One argument: a Redis password, unless a mechanism's name or a status word.
            boolean named = TextSearch.isOneOf(s, at, lineEnd, MECHANISMS) || allCapitals(s, at, lineEnd);
            return named || FrameworkValues.isOne(s, at, lineEnd) ? Match.NONE : Match.of(at, lineEnd);
        }
        int second = space + 1;
        if (second >= lineEnd || TextSearch.indexOf(s, ' ', second, lineEnd) >= 0) {
            return Match.NONE; // a sentence, not a command
        }
        if (TextSearch.isOneOf(s, at, space, MECHANISMS)) {
            // SASL's initial response, "=" when empty; a word in lower case is the outcome a client
            // reports (Angus Mail's "AUTH PLAIN succeeded", "AUTH LOGIN failed"), no base64.
            boolean outcome = CharClass.lowers(s, second, lineEnd);
            return outcome || s.charAt(second) == '=' && second + 1 == lineEnd ? Match.NONE : Match.of(second, lineEnd);
        }
        return FrameworkValues.isOne(s, second, lineEnd) ? Match.NONE : Match.of(second, lineEnd);
    }

    /**
     * After {@code AUTH } or {@code AUTHENTICATE }: a mechanism's initial response that decodes as
     * PLAIN's ({@code [authzid] NUL user NUL password}) or XOAUTH2's and OAUTHBEARER's
     * ({@code user=bob ^A auth=Bearer token ^A ^A}, three ^A), which is what tells it from a word.
     */
    private static long saslResponse(CharSequence s, int at, int end) {
        int response;
        int stop;
        if (TextSearch.startsWith(s, at, end, PLAIN)) {
            response = at + PLAIN.length();
            stop = BasicCredentials.saslPlainEnd(s, response, end);
        } else {
            response = TextSearch.startsWith(s, at, end, XOAUTH2) ? at + XOAUTH2.length()
                    : TextSearch.startsWith(s, at, end, OAUTHBEARER) ? at + OAUTHBEARER.length() : -1;
            stop = response < 0 ? -1 : BasicCredentials.oauthResponseEnd(s, response, end);
        }
        return stop < 0 ? Match.NONE : Match.of(response, stop);
    }

    /** IMAP's {@code LOGIN} arguments from {@code at}: a user and a password, both quoted or neither. */
    private static long login(CharSequence s, int at, int end) {
        int lineEnd = trimmedLineEnd(s, at, end);
        if (at < lineEnd && s.charAt(at) == '"') {
            int userEnd = closingQuote(s, at + 1, lineEnd);
            if (userEnd < 0 || userEnd + 2 >= lineEnd || s.charAt(userEnd + 1) != ' ' || s.charAt(userEnd + 2) != '"') {
                return Match.NONE;
            }
            int password = userEnd + 3;
            int close = closingQuote(s, password, lineEnd);
            return close == lineEnd - 1 && close > password ? Match.of(password, close) : Match.NONE;
        }
        int space = TextSearch.indexOf(s, ' ', at, lineEnd);
        int password = space + 1;
        if (space <= at || password >= lineEnd || TextSearch.indexOf(s, ' ', password, lineEnd) >= 0) {
            return Match.NONE; // one word, or a sentence
        }
        return FrameworkValues.isOne(s, password, lineEnd) ? Match.NONE : Match.of(password, lineEnd);
    }

    /**
     * Where the IMAP tag before the command at {@code at} starts: one to {@link #MAX_TAG} letters,
     * digits or '.', and a space; -1 if none.
     */
    private static int tagStart(CharSequence s, int from, int at) {
        if (at - 1 <= from || s.charAt(at - 1) != ' ') {
            return -1;
        }
        int tag = at - 1;
        while (tag > from && at - 1 - tag < MAX_TAG && (CharClass.isAlnum(s.charAt(tag - 1)) || s.charAt(tag - 1) == '.')) {
            tag--;
        }
        boolean longer = tag > from && CharClass.isWord(s.charAt(tag - 1));
        return tag == at - 1 || longer ? -1 : tag;
    }

    /**
     * {@code MONITOR}'s {@code "AUTH" "x"} or {@code "AUTH" "user" "x"} from {@code at}, after
     * {@code "AUTH"}: the last argument's text, when the arguments end the line.
     */
    private static long quotedAuth(CharSequence s, int at, int end) {
        // Not the line's end first: a line of many "AUTH" would read the rest of it again for each.
        int i = at;
        long last = Match.NONE;
        for (int count = 0; count < MAX_ARGUMENTS && i + 1 < end && s.charAt(i) == ' ' && s.charAt(i + 1) == '"';
                count++) {
            int close = closingQuote(s, i + 2, end);
            if (close < 0) {
                return Match.NONE;
            }
            boolean redacted = close - (i + 2) == REDACTED.length() && TextSearch.startsWith(s, i + 2, close, REDACTED);
            last = close > i + 2 && !redacted ? Match.of(i + 2, close) : Match.NONE;
            i = close + 1;
        }
        return endsLine(s, i, end) ? last : Match.NONE;
    }

    /**
     * The '"' that closes a quoted argument from {@code at}, past MONITOR's backslash escapes, on
     * the same line and within {@link #MAX_ARGUMENT} chars; -1 if none. Unlike a password's
     * quoted value, an argument never runs on to the next line.
     */
    private static int closingQuote(CharSequence s, int at, int end) {
        int limit = (int) Math.min(end, (long) at + MAX_ARGUMENT);
        for (int i = at; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || PasswordValues.isEscapedBreakAt(s, i, end)) {
                return -1;
            } else if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Whether only spaces stand between {@code at} and the end of its line. */
    private static boolean endsLine(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && s.charAt(i) == ' ') {
            i++;
        }
        return i == end || s.charAt(i) == '\n' || s.charAt(i) == '\r' || PasswordValues.isEscapedBreakAt(s, i, end);
    }

    /**
     * Whether only an indent or a prompt stands between the start of {@code at}'s line (or
     * {@code from}) and {@code at}: spaces, tabs, {@code > - : |}, or a {@code C:} or {@code S:}
     * side marker. A line starts after a line break, or after one escaped as {@code \\n}.
     */
    private static boolean startsLine(CharSequence s, int from, int at) {
        if (afterRedisPrompt(s, from, at) || afterCommandLabel(s, from, at) || RecordPrefix.endsAt(s, from, at)) {
            return true;
        }
        int i = at - 1;
        while (i >= from && at - i <= MAX_PROMPT) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || CharClass.isEscapedBreak(s, from, i)) {
                return true;
            }
            if (i + 1 < at && RecordPrefix.endsAt(s, from, i + 1)) {
                return true; // a prompt after a file line's record prefix: GreenMail's "… LineLoggingBuffer - C: PASS x"
            }
            boolean side = (c == 'C' || c == 'S') && i + 1 < at && s.charAt(i + 1) == ':';
            if (c != ' ' && c != '\t' && c != '>' && c != '-' && c != ':' && c != '|' && !side) {
                return false;
            }
            i--;
        }
        return i < from;
    }

    /**
     * Whether a client's label of what it sends stands right before {@code at}: a word of
     * {@link #COMMAND_LABELS} and ": " ({@code FTP command: PASS x}, {@code [FTPClient] sent: PASS x},
     * {@code DEBUG SMTP: AUTH PLAIN x}), the way libraries and wrappers prefix a protocol trace's
     * lines. Not a test runner's {@code Result: PASS}, which names no such word.
     */
    private static boolean afterCommandLabel(CharSequence s, int from, int at) {
        int colon = at - 2;
        if (colon <= from || s.charAt(at - 1) != ' ' || s.charAt(colon) != ':') {
            return false;
        }
        int word = colon;
        while (word > from && colon - word < MAX_LABEL && CharClass.isLetter(s.charAt(word - 1))) {
            word--;
        }
        return word < colon && (word == from || !CharClass.isWord(s.charAt(word - 1)))
                && TextSearch.isOneOfIgnoreCase(s, word, colon, COMMAND_LABELS);
    }

    /**
     * Whether redis-cli's prompt, {@code host:port> } or {@code host:port[db]> }, starts the line
     * before {@code at}: {@code 127.0.0.1:6379> AUTH hunter2}, as a session's transcript is logged.
     */
    private static boolean afterRedisPrompt(CharSequence s, int from, int at) {
        int i = at - 1;
        while (i >= from && at - i <= MAX_SPACES_AFTER_PROMPT && s.charAt(i) == ' ') {
            i--;
        }
        if (i < from || i == at - 1 || s.charAt(i) != '>') {
            return false;
        }
        i--;
        if (i >= from && s.charAt(i) == ']') { // the database selected: [1]
            i = digitsBefore(s, from, i - 1, '[');
            if (i < from) {
                return false;
            }
        }
        i = digitsBefore(s, from, i, ':'); // the port
        if (i < from) {
            return false;
        }
        int host = i;
        while (i >= from && host - i < MAX_HOST && isHostChar(s.charAt(i))) {
            i--;
        }
        return i < host && (i < from || s.charAt(i) == '\n' || s.charAt(i) == '\r' || CharClass.isEscapedBreak(s, from, i));
    }

    /**
     * Reading back from {@code last}: one to {@link #MAX_PORT_DIGITS} digits, then {@code before};
     * where the text before that char ends, or {@code from - 1} when they are not there.
     */
    private static int digitsBefore(CharSequence s, int from, int last, char before) {
        int i = last;
        while (i >= from && last - i < MAX_PORT_DIGITS && CharClass.isDigit(s.charAt(i))) {
            i--;
        }
        return i == last || i < from || s.charAt(i) != before ? from - 1 : i - 1;
    }

    private static boolean isHostChar(char c) {
        return CharClass.isAlnum(c) || c == '.' || c == '-';
    }

    /** The end of {@code at}'s line (a line break, escaped or not), less the spaces before it. */
    private static int trimmedLineEnd(CharSequence s, int at, int end) {
        int lineEnd = PasswordValues.escapedLineEnd(s, at, end);
        while (lineEnd > at && s.charAt(lineEnd - 1) == ' ') {
            lineEnd--;
        }
        return lineEnd;
    }

    private static boolean allCapitals(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (!CharClass.isUpper(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
