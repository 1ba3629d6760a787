package dev.primus.agent.masking;

/**
 * Whether the words around a bare number say it is a count or an id rather than personal data:
 * for the detectors that read personal data in digits no format marks, an Indian mobile's ten and
 * an Aadhaar number's twelve. A log is full of such runs (byte counts, offsets, job ids, Hadoop's
 * counters), and what names them is the one thing that tells them apart: a unit or counted noun
 * after the number ({@code 9876543210 bytes}), or a counter's word in the key it is the value of
 * ({@code bytes_in=}, {@code Map input records=}) or right before it in prose ({@code request id},
 * {@code elapsedRealtime}). A personal word among them (a phone's, an Aadhaar number's) wins.
 */
final class CountNames {
    /**
     * Nouns of a count, lower case: after a number ({@code 7345678901 rows}) they make it one, and
     * before it ({@code Total bytes staged 7918273645}) too.
     */
    private static final String[] COUNTED_NOUNS = {"bytes", "byte", "records", "rows", "events", "entries", "items",
        "messages", "msgs", "lines", "chars", "blocks", "files", "objects", "keys", "ops", "requests", "times", "tokens",
        "docs", "documents", "nanos", "millis", "micros", "ticks", "cycles", "bits", "octets", "pages", "points", "space"};
    /**
     * Words after a number that make it a count ({@code 9876543210 bytes}), lower case: the units,
     * and the nouns logs count. Not a unit of one letter: "s" or "b" is as often a stray letter; and
     * a unit's abbreviation before a number names no number ({@code ms 6236924692}).
     */
    private static final String[] COUNTED = concat(COUNTED_NOUNS, "kb", "mb", "gb", "kib", "mib", "gib", "ms", "ns", "us",
        "\u00b5s");
    /**
     * Words of a name that makes the number after it a counter or an id ({@code orderId},
     * {@code tx_seq}, {@code request id}), compared word by word, camel case read by hump.
     */
    private static final String[] COUNTERS = {"id", "ids", "offset", "offsets", "count", "counter", "size", "length", "len",
        "total", "seq", "sequence", "pid", "tid", "txid", "xid", "lsn", "scn", "epoch", "timestamp", "ts", "nanos",
        "millis", "elapsed", "duration", "version", "revision", "checksum", "crc", "hash", "digest", "bytes", "serial",
        "index",
        "position", "cursor", "generation", "records", "sector", "sectors", "inode", "block", "blocks", "lba", "lbas",
        "thread", "job", "task", "stage", "attempt", "container", "partition", "shard", "slot", "frame", "page",
        "address", "addr", "pointer", "ptr", "handle", "rx", "tx", "rss", "vsize", "memory", "heap", "snapshot", "time",
        "realtime", "uptime", "stamp"};
    /**
     * The words of {@link #COUNTERS} that name an identity document's number as readily as a
     * row's: not a count for an Aadhaar number ({@code idType=E idNo=...}, {@code KycDocument(type=AADHAAR, id=...)}).
     */
    private static final String[] ID_WORDS = {"id", "ids"};
    /** How far back a key's words are read ({@code Total time spent by all map tasks (ms)=}). */
    private static final int MAX_KEY_WORDS = 64;
    /** How many words before a number in prose are read for a unit's ({@code Total bytes staged 7918273645}). */
    private static final int MAX_PROSE_WORDS = 3;
    /** Words that may stand between a counter's word and its number: {@code size is ...}, {@code count of ...}. */
    private static final String[] FILLERS = {"is", "was", "of", "no", "nr", "number", "num", "at", "now"};

    /** Spaces read back between a key's separator and its value ({@code "bytes_in": 7000123456}). */
    private static final int MAX_SPACES_AFTER_KEY = 3;

    private CountNames() {
    }

    /** Whether a unit or counted noun ({@link #COUNTED}), or '%', follows the number ending at {@code at}. */
    static boolean countedAfter(CharSequence s, int at, int end) {
        return followedBy(s, at, end, COUNTED);
    }

    /** Whether one of {@code words}, or '%', follows at {@code at}, directly or after one space. */
    static boolean followedBy(CharSequence s, int at, int end, String[] words) {
        int start = at < end && s.charAt(at) == ' ' ? at + 1 : at;
        if (start < end && s.charAt(start) == '%') {
            return true;
        }
        int stop = start;
        while (stop < end && CharClass.isWord(s.charAt(stop))) {
            stop++;
        }
        return TextSearch.isOneOfIgnoreCase(s, start, stop, words);
    }

    /**
     * Whether what names the digits at {@code at} says they are a count or an id ({@code idsCount}:
     * also a number called an id), and none of {@code personalWords} (a phone's, an Aadhaar
     * number's) names them: the key whose value
     * they are, with a counter's or a unit's word anywhere in its name ({@code bytes_in=7000123456},
     * {@code bytesReceived: 6123450000}, Hadoop's {@code Number of bytes read=}, {@code Physical memory
     * (bytes) snapshot=}, {@code Spilled Records=}) or a number for a name ({@code {"0" : 9182736455}});
     * or, in prose, a counter's word right before them ({@code request id 8123456789},
     * {@code elapsedRealtime 8123947756}, {@code size is ...}) or a unit's among the three words
     * before them that counts no number of its own ({@code Total bytes staged 7918273645}, not
     * {@code 3 items sent to 9876543210}). A personal word among them wins
     * ({@code customer id 7 contact: 9876543210} is a phone).
     */
    static boolean namesACount(CharSequence s, int from, int at, String[] personalWords, boolean idsCount) {
        int i = at > from && CharClass.isQuote(s.charAt(at - 1)) ? at - 1 : at;
        while (i > from && at - i <= MAX_SPACES_AFTER_KEY && s.charAt(i - 1) == ' ') {
            i--;
        }
        boolean keyed = i > from && (s.charAt(i - 1) == '=' || s.charAt(i - 1) == ':');
        int tokenEnd = keyed ? KeyedValue.keyEnd(s, from, i - 1) : i;
        if (keyed && tokenEnd > from && s.charAt(tokenEnd - 1) == ']') {
            tokenEnd--; // a bracketed key's last name: Hazelcast's Metric[[...,metric=file.partition.freeSpace]=…
        }
        int limit = Math.max(from, tokenEnd - MAX_KEY_WORDS);
        boolean counter = false;
        boolean nearest = true;
        for (int tokens = 0; tokenEnd > limit && (keyed || tokens < MAX_PROSE_WORDS); tokens++) {
            int tokenStart = tokenEnd;
            while (tokenStart > limit && isKeyChar(s.charAt(tokenStart - 1)) && (keyed || s.charAt(tokenStart - 1) != ' ')) {
                tokenStart--;
            }
            if (tokenStart == tokenEnd) {
                break;
            }
            if (keyed && CharClass.digits(s, tokenStart, tokenEnd - tokenStart, tokenEnd)) {
                return true;
            }
            int kind = wordsOf(s, tokenStart, tokenEnd, personalWords, idsCount, keyed, keyed || nearest);
            if (kind < 0) {
                return false;
            }
            // Not a unit further back that counts a number of its own: "Refund of 3 items sent to 9876543210".
            counter |= kind > 0 && (keyed || nearest || !numberBefore(s, limit, tokenStart));
            nearest &= TextSearch.isOneOfIgnoreCase(s, tokenStart, tokenEnd, FILLERS);
            tokenEnd = tokenStart;
            while (tokenEnd > limit && s.charAt(tokenEnd - 1) == ' ') {
                tokenEnd--;
            }
        }
        return counter;
    }

    /**
     * Whether the name {@code s[start, stop)} says the number it names is a count or an id (a
     * counter's, a unit's or a counted noun's word in it: {@code DEPLOYMENT_ID}, {@code bytes_in})
     * and no personal word does ({@code phone_id}).
     */
    static boolean isCountName(CharSequence s, int start, int stop, String[] personalWords) {
        return wordsOf(s, start, stop, personalWords, true, true, true) > 0;
    }

    /** Whether a number stands right before the word starting at {@code at}, a space apart. */
    private static boolean numberBefore(CharSequence s, int limit, int at) {
        return at - 2 >= limit && s.charAt(at - 1) == ' ' && CharClass.isDigit(s.charAt(at - 2));
    }

    /**
     * What the words of {@code s[start, stop)} say of a number they name: -1 when one is personal,
     * 1 when one is a counted noun ({@link #COUNTED_NOUNS}), in a {@code key} a unit too
     * ({@code map tasks (ms)=}, {@code GB=}), or, {@code anyCounter}, a counter's word ({@link #COUNTERS}); else 0.
     */
    private static int wordsOf(CharSequence s, int start, int stop, String[] personalWords, boolean idsCount,
                               boolean key, boolean anyCounter) {
        int kind = 0;
        int word = start;
        while (word < stop) {
            if (!CharClass.isAlnum(s.charAt(word))) {
                word++;
                continue;
            }
            int wordEnd = humpEnd(s, word, stop);
            if (TextSearch.isOneOfIgnoreCase(s, word, wordEnd, personalWords)) {
                return -1;
            }
            boolean counted = TextSearch.isOneOfIgnoreCase(s, word, wordEnd, key ? COUNTED : COUNTED_NOUNS);
            boolean counter = anyCounter && TextSearch.isOneOfIgnoreCase(s, word, wordEnd, COUNTERS)
                    && (idsCount || !TextSearch.isOneOfIgnoreCase(s, word, wordEnd, ID_WORDS));
            if (counted || counter) {
                kind = 1;
            }
            word = wordEnd;
        }
        return kind;
    }

    /**
     * Where the word of a name starting at {@code at} ends: at a char no name's word holds, or
     * where camel case starts the next ({@code elapsedRealtime}, {@code MaxVMSize}: Max, VM, Size).
     */
    private static int humpEnd(CharSequence s, int at, int end) {
        int i = at + 1;
        while (i < end && CharClass.isAlnum(s.charAt(i))) {
            boolean upper = CharClass.isUpper(s.charAt(i));
            boolean afterLower = !CharClass.isUpper(s.charAt(i - 1));
            boolean acronymEnds = i + 1 < end && CharClass.isUpper(s.charAt(i - 1)) && CharClass.isLower(s.charAt(i + 1));
            if (upper && (afterLower || acronymEnds)) {
                break;
            }
            i++;
        }
        return i;
    }

    /** What a counter's name holds: a name's chars, and the spaces and brackets of {@code Spilled Records}, {@code (ms)}. */
    private static boolean isKeyChar(char c) {
        return CharClass.isAlnum(c) || c == '_' || c == '.' || c == '-' || c == ' ' || c == '(' || c == ')';
    }

    private static String[] concat(String[] words, String... more) {
        String[] all = java.util.Arrays.copyOf(words, words.length + more.length);
        System.arraycopy(more, 0, all, words.length, more.length);
        return all;
    }
}
