package dev.primus.agent.masking;

/**
 * credit_card: 13 to 19 digits, bare or grouped by single spaces or dashes, in a real issuer range
 * and passing Luhn. A number followed by more space-separated digits is read up to its longest
 * valid prefix, so {@code 4111 1111 1111 1111 12/25} still masks the card. The value of a trace,
 * span or parent id key is no card ({@code dd.trace_id=4471049746507529170}): Datadog and
 * OpenTelemetry log 64-bit ids in decimal, one in ten passes Luhn, and most start in an issuer range.
 */
final class CardNumbers {
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    /** The last words of keys naming a tracing id, as {@link KeyedValue#keyEndsWith} compares them. */
    private static final String[] TRACE_ID_KEYS = {"traceid", "spanid", "parentid"};
    /** Spaces skipped between a key's separator and its value ({@code "trace_id": "…"}). */
    private static final int MAX_SPACES = 3;

    private CardNumbers() {
    }

    /** {@code at} is a digit. */
    /**
     * Whether the digits at {@code at} end a name a '-' joins them to: JUnit's temporary folders
     * ({@code /tmp/junit-3574825046736608784/}), a temporary file's random number
     * ({@code upload-4111111111111111.tmp}). One in ten such numbers passes the Luhn check; a card
     * is written after a space, a separator or a quote, not glued to a word.
     */
    private static boolean endsAName(CharSequence s, int from, int at) {
        return at - 2 >= from && s.charAt(at - 1) == '-' && CharClass.isLetter(s.charAt(at - 2));
    }

    static long match(CharSequence s, int from, int at, int end) {
        char first = s.charAt(at);
        // Every issuer range starts with 2 to 6: one compare rejects most numbers in a log line.
        if (first < '2' || first > '6' || !NumberEdges.startsAt(s, from, at) || endsAName(s, from, at)) {
            return Match.NONE;
        }
        int best = -1;
        int digits = 0;
        char separator = 0;
        int i = at;
        while (i < end) {
            char c = s.charAt(i);
            if (CharClass.isDigit(c)) {
                if (++digits > MAX_DIGITS) {
                    break;
                }
                i++;
                if (digits >= MIN_DIGITS && groupEndsAt(s, i, end) && valid(s, at, i, digits)) {
                    best = i;
                }
            } else if ((c == ' ' || c == '-') && (separator == 0 || separator == c)
                    && i + 1 < end && CharClass.isDigit(s.charAt(i + 1))) {
                separator = c;
                i++;
            } else {
                break;
            }
        }
        // Asked last: only a number that passed Luhn and an issuer range costs a look at its key.
        return best < 0 || isTraceIdValue(s, from, at) ? Match.NONE : Match.of(at, best);
    }

    /**
     * Whether the number at {@code at} is the value of a key ending in trace_id, span_id or
     * parent_id, any case and separators ({@code dd.span_id=}, {@code "traceId": "}, {@code x-b3-parentid:}).
     */
    private static boolean isTraceIdValue(CharSequence s, int from, int at) {
        int i = at;
        if (i > from && CharClass.isQuote(s.charAt(i - 1))) {
            i--;
        }
        while (i > from && at - i <= MAX_SPACES && s.charAt(i - 1) == ' ') {
            i--;
        }
        if (i <= from || (s.charAt(i - 1) != '=' && s.charAt(i - 1) != ':')) {
            return false;
        }
        int keyEnd = KeyedValue.keyEnd(s, from, i - 1);
        for (String key : TRACE_ID_KEYS) {
            if (KeyedValue.keyEndsWith(s, from, keyEnd, key)) {
                return true;
            }
        }
        return false;
    }

    /** A card may end before a space and more digits, never inside a dash-joined number. */
    private static boolean groupEndsAt(CharSequence s, int i, int end) {
        return NumberEdges.endsAt(s, i, end) || s.charAt(i) == ' ';
    }

    private static boolean valid(CharSequence s, int start, int end, int digits) {
        return CardIssuerRanges.issued(CardIssuerRanges.iin(s, start, end), digits) && LuhnCheck.valid(s, start, end);
    }
}
