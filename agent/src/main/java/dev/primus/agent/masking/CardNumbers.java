package dev.primus.agent.masking;

/**
 * credit_card: 13 to 19 digits, bare or grouped by single spaces or dashes as cards are written, in
 * a real issuer range and passing Luhn; or by '+', a space as a form body or query encodes it
 * ({@code card=4111+1111+1111+1111}). A number followed by more space-separated digits is read up to its longest
 * valid prefix, so {@code 4111 1111 1111 1111 12/25} still masks the card. The value of a trace,
 * span or parent id key is no card ({@code dd.trace_id=4471049746507529170}): Datadog and
 * OpenTelemetry log 64-bit ids in decimal, one in ten passes Luhn, and most start in an issuer range.
 * A card's magnetic-stripe track data are masked whole, with the number ({@link #trackOne}). Nor is a
 * negative number of 18 or 19 digits, or a number in a list beside one (Cassandra's ring tokens).
 */
final class CardNumbers {
    /**
     * The words that name a card where a key also names a counter or an id ({@code cardSeq=}): a bare
     * run of 19 digits after a counter's name is the counter's ({@code partition state stamp: 6276…},
     * Hazelcast's), though one in ten passes Luhn in an issuer's range.
     */
    private static final String[] CARD_WORDS = {"card", "cards", "pan", "cc", "ccnum", "creditcard", "cardnumber"};
    /**
     * The shortest run, of digits alone, that a counter's name is asked of: a 16-digit card's
     * common length, and a grouped card, are left to the issuer's ranges.
     */
    private static final int MIN_COUNTED_DIGITS = 17;
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    /**
     * The groups a card's number is written in: 4-4-4-4, Amex's 4-6-5, Diners' 4-6-4, 4-4-4-4-3. A
     * DNS zone's SOA serial and timers ({@code 2026120706 3600 600 86400}) or two words of a packet
     * dump ({@code 48000000 00000004}) are no card, though Luhn-valid in an issuer's range.
     */
    private static final int MIN_FIRST_GROUP = 4;
    private static final int MIN_GROUP = 3;
    private static final int MAX_GROUP = 6;
    /**
     * A negative number this long is a signed 64-bit value (nine in ten random ones have 19 digits,
     * most of the rest 18), which a card of 18 or 19 digits almost never is written as.
     */
    private static final int LONG_DIGITS = 18;
    /** The last words of keys naming a tracing id, as {@link KeyedValue#keyEndsWith} compares them. */
    private static final String[] TRACE_ID_KEYS = {"traceid", "spanid", "parentid"};
    /** Spaces skipped between a key's separator and its value ({@code "trace_id": "…"}). */
    private static final int MAX_SPACES = 3;
    /** Track 1's name field: at most 26 chars ({@code DOE/JOHN Q.MR}). */
    private static final int MAX_TRACK_NAME = 26;
    /** A 64-bit value's hex digits ({@link #isHexInDecimal}). */
    private static final int MAX_HEX_DIGITS = 16;

    private CardNumbers() {
    }

    /**
     * Whether the digits at {@code at} end a name a '-' joins them to: JUnit's temporary folders
     * ({@code /tmp/junit-3574825046736608784/}), a temporary file's random number
     * ({@code upload-4111111111111111.tmp}), HDFS's negative block ids ({@code blk_-4980916519894289629}).
     * One in ten such numbers passes the Luhn check; a card is written after a space, a separator
     * or a quote, not glued to a word.
     */
    static boolean endsAName(CharSequence s, int from, int at) {
        if (at - 2 < from || s.charAt(at - 1) != '-') {
            return false;
        }
        char beforeDash = s.charAt(at - 2);
        return CharClass.isLetter(beforeDash) || beforeDash == '_';
    }

    /**
     * Whether a '-' standing alone before the digits makes them a negative number, as a signed
     * 64-bit value is written ({@code tokens [-5073978841190866944, …]}, Cassandra's ring tokens): after
     * a space, a bracket, a ',', '=' or ':', or at the start; not after a word or a run of dashes.
     */
    private static boolean isSigned(CharSequence s, int from, int at) {
        if (at - 1 < from || s.charAt(at - 1) != '-') {
            return false;
        }
        return at - 1 == from || " [(,=:".indexOf(s.charAt(at - 2)) >= 0;
    }

    /** Whether {@code s[at, stop)} is ungrouped digits of a 64-bit value's length after a sign. */
    private static boolean isSignedLong(CharSequence s, int from, int at, int stop) {
        return stop - at >= LONG_DIGITS && isSigned(s, from, at) && CharClass.digits(s, at, stop - at, stop);
    }

    /**
     * Whether the number {@code s[at, stop)} is an item of a list, ", " between, beside a negative
     * number of {@link #LONG_DIGITS} digits or more: a list of signed 64-bit values (Cassandra's ring
     * tokens), one in ten of which passes Luhn in an issuer range, not of cards.
     */
    private static boolean nextToASignedLong(CharSequence s, int from, int at, int stop, int end) {
        int before = at;
        while (before > from && s.charAt(before - 1) == ' ') {
            before--;
        }
        if (before > from && s.charAt(before - 1) == ',') {
            int comma = before - 1;
            int i = comma;
            while (i > from && CharClass.isDigit(s.charAt(i - 1))) {
                i--;
            }
            if (comma - i >= LONG_DIGITS && isSigned(s, from, i)) {
                return true;
            }
        }
        int after = stop < end && s.charAt(stop) == ',' ? stop + 1 : -1;
        if (after < 0) {
            return false;
        }
        while (after < end && s.charAt(after) == ' ') {
            after++;
        }
        return after < end && s.charAt(after) == '-' && CharClass.digitsEnd(s, after + 1, end) - after - 1 >= LONG_DIGITS
                && isSigned(s, from, after + 1);
    }

    /** {@code at} is a digit, or the '%' that may start track 1 ({@code %B4111...}). */
    static long match(CharSequence s, int from, int at, int end) {
        if (s.charAt(at) == '%') {
            return trackOne(s, from, at, end);
        }
        char first = s.charAt(at);
        // Every issuer range starts with 2 to 6, or 8 (RuPay, UnionPay): two compares reject most numbers of a line.
        if (first < '2' || first > '6' && first != '8' || !NumberEdges.startsAt(s, from, at)
                || endsAName(s, from, at)) {
            return Match.NONE;
        }
        int best = -1;
        int digits = 0;
        char separator = 0;
        int group = at;
        int i = at;
        while (i < end) {
            char c = s.charAt(i);
            if (CharClass.isDigit(c)) {
                if (++digits > MAX_DIGITS) {
                    break;
                }
                i++;
                if (digits >= MIN_DIGITS && groupEndsAt(s, i, end) && (separator == 0 || i - group <= MAX_GROUP)
                        && valid(s, at, i, digits)) {
                    best = i;
                }
            } else if ((c == ' ' || c == '-' || c == '+') && (separator == 0 || separator == c)
                    && i + 1 < end && CharClass.isDigit(s.charAt(i + 1))
                    && i - group >= (group == at ? MIN_FIRST_GROUP : MIN_GROUP) && i - group <= MAX_GROUP) {
                separator = c;
                i++;
                group = i;
            } else {
                break;
            }
        }
        // Asked last: only a number that passed Luhn and an issuer range costs a look at its key.
        if (best < 0 || isTraceIdValue(s, from, at) || isSignedLong(s, from, at, best)
                || isHexInDecimal(s, from, at, best, end)
                || nextToASignedLong(s, from, at, best, end)
                || best - at >= MIN_COUNTED_DIGITS && CharClass.digits(s, at, best - at, best)
                        && CountNames.namesACount(s, from, at, CARD_WORDS, false)) {
            return Match.NONE;
        }
        boolean trackTwo = at > from && s.charAt(at - 1) == ';' && best < end && s.charAt(best) == '=';
        return Match.of(at, trackTwo ? trackDataEnd(s, best + 1, end) : best);
    }

    /**
     * Whether the digits {@code s[at, stop)} are, in parentheses, the value of the hex number before
     * them, as C programs print an integer both ways: Samba's NDR dumps, {@code unique_content_epoch
     * : 0x3580c9cb0cb5d91c (3855303154957932828)}. Compared exactly: a card's number is no such twin.
     */
    private static boolean isHexInDecimal(CharSequence s, int from, int at, int stop, int end) {
        if (at - 2 <= from || s.charAt(at - 1) != '(' || s.charAt(at - 2) != ' ' || stop >= end
                || s.charAt(stop) != ')' || !CharClass.digits(s, at, stop - at, stop)) {
            return false;
        }
        int hexEnd = at - 2;
        int hexStart = hexEnd;
        while (hexStart > from && hexEnd - hexStart < MAX_HEX_DIGITS && CharClass.isHex(s.charAt(hexStart - 1))) {
            hexStart--;
        }
        if (hexStart - 2 < from || hexStart == hexEnd || s.charAt(hexStart - 1) != 'x' || s.charAt(hexStart - 2) != '0') {
            return false;
        }
        long hex = 0;
        for (int i = hexStart; i < hexEnd; i++) {
            hex = hex << 4 | Character.digit(s.charAt(i), 16);
        }
        long decimal = 0;
        for (int i = at; i < stop; i++) {
            decimal = decimal * 10 + (s.charAt(i) - '0'); // below 10^19 < 2^64: the unsigned value, exact
        }
        return hex == decimal;
    }

    /**
     * Track 1 of a card's magnetic stripe, as a card reader or a payment SDK's debug log writes it:
     * {@code %B}, the number, {@code ^}, the holder's name, {@code ^}, then expiry, service code and
     * discretionary data up to the end sentinel {@code ?}. Masked from the '%' to the end: PCI DSS
     * forbids keeping any of it after authorisation, and the discretionary data hold the CVV1.
     * Track 2, {@code ;4111111111111111=2512101...?}, is its number read as any card, then its data.
     */
    private static long trackOne(CharSequence s, int from, int at, int end) {
        int pan = at + 2;
        if (pan >= end || s.charAt(at + 1) != 'B' || !CharClass.isDigit(s.charAt(pan))
                || CharClass.wordBefore(s, from, at)) {
            return Match.NONE;
        }
        int i = pan;
        while (i < end && i - pan <= MAX_DIGITS && CharClass.isDigit(s.charAt(i))) {
            i++;
        }
        if (i - pan < MIN_DIGITS || i - pan > MAX_DIGITS || !valid(s, pan, i, i - pan)) {
            return Match.NONE;
        }
        if (i >= end || s.charAt(i) != '^') {
            // No track, but a card glued to a "%B" still is one.
            return NumberEdges.endsAt(s, i, end) ? Match.of(pan, i) : Match.NONE;
        }
        int name = i + 1;
        int nameEnd = name;
        while (nameEnd < end && nameEnd - name <= MAX_TRACK_NAME && s.charAt(nameEnd) != '^' && s.charAt(nameEnd) >= ' ') {
            nameEnd++;
        }
        boolean named = nameEnd < end && s.charAt(nameEnd) == '^';
        return Match.of(at, named ? trackDataEnd(s, nameEnd + 1, end) : i + 1);
    }

    /** The end of a track's data from {@code at}: its digits, and the end sentinel '?' if it follows them. */
    private static int trackDataEnd(CharSequence s, int at, int end) {
        int i = at;
        while (i < end && CharClass.isDigit(s.charAt(i))) {
            i++;
        }
        return i < end && s.charAt(i) == '?' ? i + 1 : i;
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
