package dev.primus.agent.masking;

/**
 * A password written after its word in a sentence, with no separator: {@code with password
 * hunter2}, {@code password is hunter2}, {@code temporary password Xk9mP2qLw for bob}, as
 * {@code log.info("login {} with password {}", user, pw)} writes one; also after the account it
 * is for and a link or a colon ({@code password for bob is x}, {@code Password for user 'admin': x},
 * MySQL's {@code A temporary password is generated for root@localhost: ;Xk9mP2qLw8zT}, where after
 * the colon the value may start with a symbol), and after one or two lower-case words and a colon
 * ({@code Password set: x}, {@code temporary password issued: x}). After the word in a
 * sentence there is mostly more prose ({@code password authentication failed for user},
 * {@code password expired}), so only a next word that reads as no word of a language is taken:
 * letters with a digit or a symbol in them ({@code hunter2}, {@code Tr0ub4dor&3}; an apostrophe
 * between letters is a contraction's, {@code password doesn't match}), 6 to 128
 * chars. A password that is a plain word ({@code password swordfish}) is left: it cannot be told
 * from prose. So are an algorithm's name in capitals ({@code password SHA256}), a date or time,
 * a version, a path or URL, a method's name with its source line, and whatever
 * {@link FrameworkValues} knows. The same value alone on a line under one that names it and ends
 * with ':' ({@link ValueBelow}: Jenkins' and Elasticsearch's first-start passwords).
 */
final class ProsePasswords {
    /** The words for a password ({@link PasswordValues#PASSWORD_WORDS}) that start with 'p', the char that triggers here. */
    static final String[] WORDS = startingWithP(PasswordValues.PASSWORD_WORDS);
    /**
     * What may stand between the word and its value: {@code password is x}, {@code password was: x},
     * {@code password changed to x}. Not "to" alone: "password to prod-db-2024" names a host.
     */
    private static final String[] LINKS = {"is", "was", "set to", "changed to", "reset to"};
    /**
     * What may stand between the word and the account a password was made for: MySQL's
     * {@code password is generated for root@localhost: x}.
     */
    private static final String[] GENERATED = {"is generated", "was generated", "generated"};
    /**
     * What, right before the word, lets "to" link an account to the password it was given:
     * {@code Changed password of user bob to x}. Elsewhere "to" is no link (see {@link #LINKS}).
     */
    private static final String[] CHANGE_VERBS = {"changed", "change", "changing", "reset", "resetting", "set", "setting",
        "updated", "update", "updating"};
    private static final String[] TO = {"to"};
    /** The longest of {@link #CHANGE_VERBS}, read back from the word. */
    private static final int MAX_VERB = 9;
    /** What may name the account between the word and a link: {@code password for bob is x}, {@code of admin was x}. */
    private static final String[] OWNERS = {"for", "of"};
    /** What names no account but the kind of one: after {@code for user:} comes the account, not its password. */
    private static final String[] ACCOUNT_NOUNS = {"user", "username", "account", "login", "id", "userid", "email",
        "principal", "client", "member", "customer"};
    /**
     * The account's name: one to four words ({@code for user bob}, Elasticsearch's {@code for the
     * elastic built-in superuser}), each at most this long.
     */
    private static final int MAX_OWNER_WORDS = 4;
    private static final int MAX_OWNER_WORD = 64;
    /** What a value after a colon may not start with: placeholders, flags, stars, quotes, brackets, one of our markers. */
    private static final String NO_FIRST_AFTER_COLON = "$%{<[(-*'`\"";
    /** Symbols of a generated password that no path, URL or call holds (see {@link #holdsNoPathsChar}). */
    private static final String GENERATED_ONLY = "<>|^;`";
    private static final int MIN_VALUE = 6;
    /** The typographic apostrophe, as word processors and some messages write {@code doesn’t}. */
    private static final char RIGHT_SINGLE_QUOTE = '\u2019';
    private static final int MAX_VALUE = 128;
    private static final int MAX_SPACES = 3;

    /** How far a placeholder's brackets stand from the password's word ({@link #isInPlaceholder}). */
    private static final int MAX_PLACEHOLDER = 24;

    private ProsePasswords() {
    }

    private static String[] startingWithP(String[] words) {
        java.util.List<String> kept = new java.util.ArrayList<String>();
        for (String word : words) {
            if (word.charAt(0) == 'p') {
                kept.add(word);
            }
        }
        return kept.toArray(new String[0]);
    }

    /** {@code at} is a 'p' or 'P' at a word start. */
    static long match(CharSequence s, int at, int end) {
        int wordEnd = TextSearch.wordBeforeSpace(s, at, end, WORDS);
        if (wordEnd < 0 || isInPlaceholder(s, at, wordEnd, end)) {
            return Match.NONE;
        }
        long inSentence = inSentence(s, at, wordEnd, end);
        if (inSentence != Match.NONE) {
            return inSentence;
        }
        long below = ValueBelow.under(s, wordEnd, end);
        return below != Match.NONE && readsAsPassword(s, Match.start(below), Match.end(below), true) ? below
                : Match.NONE;
    }

    /**
     * Whether the word stands in a placeholder's angle brackets that say no value is there,
     * FreeRADIUS's {@code <no User-Password attribute>}: a '<' before it and a '>' after it, a few
     * words apart, letters, spaces, '-' and '_' only between.
     */
    private static boolean isInPlaceholder(CharSequence s, int at, int wordEnd, int end) {
        int open = at - 1;
        while (open >= 0 && at - open <= MAX_PLACEHOLDER && isPlaceholderChar(s.charAt(open))) {
            open--;
        }
        if (open < 0 || at - open > MAX_PLACEHOLDER || s.charAt(open) != '<') {
            return false;
        }
        int close = wordEnd;
        while (close < end && close - wordEnd <= MAX_PLACEHOLDER && isPlaceholderChar(s.charAt(close))) {
            close++;
        }
        return close < end && s.charAt(close) == '>';
    }

    private static boolean isPlaceholderChar(char c) {
        return CharClass.isLetter(c) || c == ' ' || c == '-' || c == '_';
    }

    /** The value after the word at {@code at}, which ends at {@code wordEnd}, on its line. */
    private static long inSentence(CharSequence s, int at, int wordEnd, int end) {
        int value = spaces(s, wordEnd, end);
        if (value == wordEnd) {
            return Match.NONE;
        }
        boolean changed = TextSearch.afterWordOf(s, 0, at, CHANGE_VERBS, MAX_VERB, false);
        int linked = afterOwner(s, value, end, changed);
        if (linked < 0) {
            linked = afterOwner(s, afterGenerated(s, value, end), end, false);
        }
        if (linked < 0) {
            linked = afterLink(s, value, end);
        }
        if (linked < 0 && changed) {
            linked = afterOneOf(TO, s, value, end, false); // Setting password to x
        }
        if (linked < 0 && afterOneOf(OWNERS, s, value, end, false) < 0) {
            // Password set: x; but after "for user:" comes the account (afterOwner).
            linked = ProseSecrets.afterStateAndColon(s, value, end);
        }
        if (linked >= 0) {
            value = linked;
        }
        boolean afterColon = colonBefore(s, at, value);
        char quote = value < end ? s.charAt(value) : 0;
        if (quote == '[') {
            return bracketed(s, value, end);
        }
        if (quote == '"' || quote == '\'' && linked >= 0) {
            // password "s3cret!", password is 'Xk9mP2q': the quotes are the sentence's, what they hold the
            // password's. A single quote right after the word is SQL's (PASSWORD 'x'), read from the quote.
            int close = TextSearch.indexOf(s, quote, value + 1, Math.min(end, value + 2 + MAX_VALUE));
            return close > 0 && readsAsPassword(s, value + 1, close, false) ? Match.of(value + 1, close) : Match.NONE;
        }
        int stop = value;
        while (stop < end && stop - value <= MAX_VALUE && !Character.isWhitespace(s.charAt(stop))
                && !PasswordValues.isEscapedBreakAt(s, stop, end) && !isEntityAt(s, stop, end)
                && !isJsonStringEnd(s, stop, end)) {
            stop++;
        }
        int word = stop;
        while (stop > value && ".,;:!?)]'\"".indexOf(s.charAt(stop - 1)) >= 0) {
            stop--; // the sentence's punctuation, not the password's
        }
        if (!readsAsPassword(s, value, stop, afterColon)) {
            return Match.NONE;
        }
        // But a '!' or '?' it ends with goes with it: the symbol a password policy asks for most, rare in a log's prose.
        while (stop < word && (s.charAt(stop) == '!' || s.charAt(stop) == '?')) {
            stop++;
        }
        return Match.of(value, stop);
    }

    /**
     * The word that the '[' at {@code open} and its ']' hold, where it reads as a password (as a
     * double-quoted one must): a message that brackets its arguments, {@code with password [{}]},
     * {@code password: [{}]}. No whitespace in it: a bracketed phrase ({@code [not set]}) is the
     * sentence's, and a plain word ({@code password= [main] INFO}, a layout's next field) no password.
     */
    static long bracketed(CharSequence s, int open, int end) {
        int limit = (int) Math.min(end, (long) open + 2 + MAX_VALUE);
        int close = open + 1;
        while (close < limit && s.charAt(close) != ']' && !Character.isWhitespace(s.charAt(close))) {
            close++;
        }
        return close < limit && s.charAt(close) == ']' && readsAsPassword(s, open + 1, close, false)
                ? Match.of(open + 1, close) : Match.NONE;
    }

    /** Whether a ':' stands right before {@code value}, spaces apart ({@code is: x}, {@code for bob: x}). */
    private static boolean colonBefore(CharSequence s, int from, int value) {
        int before = value - 1;
        while (before > from && s.charAt(before) == ' ') {
            before--;
        }
        return s.charAt(before) == ':';
    }

    /** Past "is generated" and the spaces after it at {@code at}; else -1. */
    private static int afterGenerated(CharSequence s, int at, int end) {
        return afterOneOf(GENERATED, s, at, end, false);
    }

    /** Past a link at {@code at} ("is", "was: ") and the spaces after it; -1 when none is there. */
    private static int afterLink(CharSequence s, int at, int end) {
        return afterOneOf(LINKS, s, at, end, true);
    }

    /**
     * Past the one of {@code words} at {@code at}, the space (or, with {@code colon}, the ':', or
     * spaces and a ':' as Elasticsearch writes "is : x") after it, and the spaces after that; -1
     * when none of them is there, or {@code at} is -1.
     */
    static int afterOneOf(String[] words, CharSequence s, int at, int end, boolean colon) {
        if (at < 0) {
            return -1;
        }
        for (String word : words) {
            int wordEnd = at + word.length();
            if (TextSearch.startsWithIgnoreCase(s, at, end, word) && wordEnd < end
                    && (s.charAt(wordEnd) == ' ' || colon && s.charAt(wordEnd) == ':')) {
                int next = spaces(s, s.charAt(wordEnd) == ':' ? wordEnd + 1 : wordEnd, end);
                return colon && s.charAt(wordEnd) == ' ' && next < end && s.charAt(next) == ':'
                        ? spaces(s, next + 1, end) : next;
            }
        }
        return -1;
    }

    /**
     * Past "for" or "of", the account's one to four words at {@code at}, and the link or colon
     * after them ({@code for bob is x}, {@code for user 'admin': x}; with {@code to}, also
     * {@code of user bob to x}): where the value starts; -1 otherwise ({@code for invalid user
     * admin from}).
     */
    static int afterOwner(CharSequence s, int at, int end, boolean to) {
        int word = afterOneOf(OWNERS, s, at, end, false);
        for (int words = 0; word >= 0 && words < MAX_OWNER_WORDS && word < end; words++) {
            int wordStop = word;
            while (wordStop < end && wordStop - word < MAX_OWNER_WORD && s.charAt(wordStop) != ' ') {
                wordStop++;
            }
            if (wordStop == word || wordStop >= end) {
                return -1;
            }
            if (wordStop - word > 1 && s.charAt(wordStop - 1) == ':') {
                // "for user bob: x" names the account before the colon; "for user: bob42" after it.
                return words == 0 && isAccountNoun(s, word, wordStop - 1) ? -1 : spaces(s, wordStop, end);
            }
            int next = spaces(s, wordStop, end);
            int linked = to ? Math.max(afterLink(s, next, end), afterOneOf(TO, s, next, end, false))
                    : afterLink(s, next, end);
            if (linked >= 0) {
                return linked;
            }
            word = next;
        }
        return -1;
    }

    private static boolean isAccountNoun(CharSequence s, int start, int end) {
        return TextSearch.isOneOfIgnoreCase(s, start, end, ACCOUNT_NOUNS);
    }

    /** An HTML entity, as escaped text holds the sentence's quote ({@code Password is correct.&quot;}). */
    private static boolean isEntityAt(CharSequence s, int at, int end) {
        return s.charAt(at) == '&' && at + 1 < end && (CharClass.isLower(s.charAt(at + 1)) || s.charAt(at + 1) == '#');
    }

    private static int spaces(CharSequence s, int at, int end) {
        return TextSearch.pastSpaces(s, at, end, MAX_SPACES);
    }

    /** {@code v2.7.18}: a 'v', then digits and dots. */
    private static boolean isVersion(CharSequence s, int start, int stop) {
        if ((s.charAt(start) | 0x20) != 'v' || !CharClass.isDigit(s.charAt(start + 1))) {
            return false;
        }
        for (int i = start + 2; i < stop; i++) {
            if (!CharClass.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Letters with a digit or symbol in them ('-', '_' and '.' join the words of a name), none of
     * the look-alikes the class comment names.
     */
    private static boolean readsAsPassword(CharSequence s, int start, int stop, boolean afterColon) {
        int length = stop - start;
        if (length < MIN_VALUE || length > MAX_VALUE || FrameworkValues.isOne(s, start, stop)) {
            return false;
        }
        char first = s.charAt(start);
        if (!CharClass.isAlnum(first) && (!afterColon || NO_FIRST_AFTER_COLON.indexOf(first) >= 0 || first > '~')) {
            // A placeholder ($DB_PASSWORD, %s, <password>), a flag, a quoted value (read from its quote), stars.
            // After a colon a generated password may start with a symbol (MySQL's: ";Xk9mP2qLw8zT").
            return false;
        }
        boolean letter = false;
        boolean other = false;
        boolean lower = false;
        boolean generated = afterColon && holdsNoPathsChar(s, start, stop);
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (c == '=' && readsAsKey(s, start, i) && !isBase64Padding(s, start, i, stop)
                    || (c == '/' || c == '[' || c == '(') && !generated) {
                return false; // the next key, a path or URL, one of our markers, a call (Foo.bar(Foo.java:12))
            }
            if (c == ':' && !other && i > start) {
                return false; // a key of its own: password Authorization:x
            }
            boolean isLetter = Character.isLetter(c);
            letter |= isLetter;
            lower |= Character.isLowerCase(c);
            other |= !isLetter && c != '-' && c != '_' && c != '.' && !isApostropheInWord(s, start, i, stop);
        }
        if (!letter || !other || CharClass.isDigit(s.charAt(start)) && !lower || isVersion(s, start, stop)) {
            return false; // a plain word, a number, a date or time (2026-12-05T10:00:00Z), v2.7.18
        }
        return lower || length > 12; // SHA256, PBKDF2, AES256: an algorithm in capitals
    }

    /**
     * Whether the value holds a char that no path, URL or call does, so that a '/' or '(' in it is a
     * generated password's symbol: MySQL's {@code A temporary password is generated for
     * root@localhost: ;bH3Y/rG>#Z}.
     */
    private static boolean holdsNoPathsChar(CharSequence s, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (GENERATED_ONLY.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A JSON string's closing quote before the next member or the object's end: the sentence the
     * word ends was a field's value ({@code "summary":"User's password changed","remoteAddress":…}, Jira's audit log).
     */
    private static boolean isJsonStringEnd(CharSequence s, int at, int end) {
        return s.charAt(at) == '"' && at + 1 < end && ",:}]".indexOf(s.charAt(at + 1)) >= 0;
    }

    /**
     * An apostrophe between two letters, as a contraction or a possessive writes it: lighttpd's
     * {@code password doesn't match for /git}, {@code password isn't set}, {@code password wasn't changed}.
     */
    private static boolean isApostropheInWord(CharSequence s, int start, int at, int stop) {
        char c = s.charAt(at);
        return (c == '\'' || c == RIGHT_SINGLE_QUOTE) && at > start && at + 1 < stop
                && Character.isLetter(s.charAt(at - 1)) && Character.isLetter(s.charAt(at + 1));
    }

    /**
     * Whether {@code s[start, stop)}, before an '=', could be the name of the next key: only
     * letters, digits, '_', '.' and '-'. A generated password has '=' among symbols no name holds
     * (Elasticsearch's {@code Xq7_k2mZp*R9w=LnT4vB}).
     */
    private static boolean readsAsKey(CharSequence s, int start, int stop) {
        return KeyedValue.nameStart(s, start, stop) == start;
    }

    /**
     * Whether the '=' at {@code at} starts base64's padding ({@code dGVzdDEyMw==}): one or two
     * '=' end the value, and the value is a whole number of 4-char groups.
     */
    private static boolean isBase64Padding(CharSequence s, int start, int at, int stop) {
        int padding = stop - at;
        return (padding == 1 || padding == 2 && s.charAt(at + 1) == '=') && (stop - start) % 4 == 0;
    }
}
