package dev.primus.agent.masking;

/**
 * Reads a logged command line back from a point, word by word, no further than the command goes:
 * a line break (escaped or not), a {@code ;}, {@code |} or {@code &} that ends the command before,
 * or {@link #MAX_COMMAND_LINE} chars. A word is a path ({@code /usr/bin/mysql}, {@code C:\bin\7z.exe});
 * its name is the file name, {@code .exe} left off. For the detectors that know a value by the
 * command it is given to ({@link CommandPasswordFlags}, an ssh login in {@link EmailAddresses}).
 */
final class CommandWords {
    /** How far back a command may stand from what it is asked about. */
    private static final int MAX_COMMAND_LINE = 256;

    private CommandWords() {
    }

    /**
     * Whether one of {@code lowerNames} (any case) is the name of a word before {@code at} on the
     * same command: the command a flag or an argument at {@code at} is given to.
     */
    static boolean givenTo(CharSequence s, int from, int at, String[] lowerNames) {
        int limit = limit(from, at);
        int i = at;
        while ((i = previousWordEnd(s, from, limit, i)) >= 0) {
            int word = wordStart(s, from, limit, i);
            int name = nameStart(s, word, i);
            if (TextSearch.isOneOfIgnoreCase(s, name, nameEnd(s, name, i), lowerNames)) {
                return true;
            }
            i = word;
        }
        return false;
    }

    /** Where reading back from {@code at} stops at the latest. */
    static int limit(int from, int at) {
        return Math.max(from, at - MAX_COMMAND_LINE);
    }

    /** The end of the word before {@code at} on the same command, or -1 when the command starts first. */
    static int previousWordEnd(CharSequence s, int from, int limit, int at) {
        for (int i = at; i > limit; i--) {
            char c = s.charAt(i - 1);
            if (c == ';' || c == '|' || c == '&' || c == '\n' || c == '\r' || CharClass.isEscapedBreak(s, from, i - 1)) {
                return -1;
            }
            if (isPathChar(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the word ending at {@code wordEnd} starts. */
    static int wordStart(CharSequence s, int from, int limit, int wordEnd) {
        int i = wordEnd;
        while (i > limit && isPathChar(s.charAt(i - 1)) && !CharClass.isEscapedBreak(s, from, i - 1)) {
            i--;
        }
        return i;
    }

    /** Where the file name of the path {@code s[start, end)} starts. */
    static int nameStart(CharSequence s, int start, int end) {
        int name = start;
        for (int k = start; k < end; k++) {
            if (s.charAt(k) == '/' || s.charAt(k) == '\\') {
                name = k + 1;
            }
        }
        return name;
    }

    /** Where the file name from {@code name} to {@code end} ends, {@code .exe} left off. */
    static int nameEnd(CharSequence s, int name, int end) {
        return end - 4 > name && TextSearch.startsWithIgnoreCase(s, end - 4, end, ".exe") ? end - 4 : end;
    }

    /** Chars of a command as written: a file name and the directories before it. */
    private static boolean isPathChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == '\\';
    }
}
