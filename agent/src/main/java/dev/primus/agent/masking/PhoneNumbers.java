package dev.primus.agent.masking;

/**
 * phone, in three shapes:
 * <ul>
 *   <li>E.164: {@code +} (or {@code %2B}, as a form body encodes it) then 8 to 15 digits,
 *   optionally grouped by spaces, dashes or one parenthesised group ({@code +1 (415) 555-2671},
 *   {@code +91 98765 43210}); not a signed quantity, followed by a unit ({@code +12345678 bytes})
 *   or bare and round ({@code +268435456}).</li>
 *   <li>North American: {@code (415) 555-2671}, {@code 415-555-2671}, {@code 415.555.2671},
 *   {@code 1-415-555-2671}; area and exchange start with 2-9. Bare {@code 415 555 2671} is not
 *   matched: three space-separated numbers are too often counters (after a phone word it is).</li>
 *   <li>Indian mobile: exactly ten bare digits starting 6-9. Epoch seconds start with 1 until
 *   2033 and millis have 13 digits, so neither matches. Nor does a number the words around it
 *   call a count or an id ({@link CountNames}: {@code 9876543210 bytes}, {@code offset=9123456789},
 *   {@code request id 8123456789}), or that a '-' glues to a name ({@code release-7718263544.tar.gz}).
 *   A bare ten-digit counter starting 6-9 with none of that is masked: the accepted price of
 *   catching numbers written without +91.</li>
 *   <li>Right after a word that names a phone ({@link KeywordBefore}): 9 to 12 bare digits, as
 *   many apps store them ({@code telephone=4155552671}, {@code "mobile": "07700900123"}); a
 *   national number of 7 to 13 digits in groups that starts with its trunk prefix 0, the first
 *   group in parentheses or not, or followed by a '/' as German numbers write it
 *   ({@code tel=(020) 7946 0958}, {@code phone: 06 12 34 56 78}, {@code 030 1234567}, {@code 030/12345678});
 *   one of 10 to 12 digits in groups without it ({@code phone: 415 555 2671}, {@code mobileNo: 98765 43210},
 *   {@code celular: (11) 91234-5678}); or an international number dialled with {@code 00} instead of '+'
 *   ({@code 0044 20 7946 0958}).</li>
 * </ul>
 */
final class PhoneNumbers {
    private static final int E164_MIN = 8;
    static final int E164_MAX = 15;
    /** ITU country codes are 1 to 3 digits. */
    private static final int MAX_COUNTRY_CODE = 3;
    /**
     * Bare digits after a word that names a phone: a national number with its leading 0 or
     * without, or with its country code (447700900123); longer, up to E.164's 15, only from 2-9
     * ({@code msisdn=4915123456789}): epoch millis, 13 digits from 1 in every JSON log, would
     * each cost a look for the word, and a country code of 1 makes an 11-digit number.
     */
    static final int MIN_NAMED = 9;
    static final int MAX_NAMED_BARE = 12;
    /** The digits of a named national number in groups: from a seven-digit local number up. */
    private static final int MIN_NAMED_GROUPED = 7;
    /**
     * The digits of a named number in groups without a trunk prefix: a full national number
     * ({@code 415 555 2671}, India's {@code 98765 43210}, Brazil's {@code (11) 91234-5678}), not a
     * local one: after the word, a run of short counters rarely adds up to ten digits.
     */
    private static final int MIN_NAMED_UNPREFIXED = 10;
    private static final int MAX_NAMED = 13;
    /** The longest group of a national number written in groups (0123 456789, 030 1234567). */
    static final int MAX_GROUP = 5;
    /** A space in a URL's query, as {@link #encodedGroupsEnd} reads it besides a form's '+'. */
    private static final String ENCODED_SPACE = "%20";
    /** Units after a signed number that make it a change in a quantity ({@code +12345678 bytes}), lower case. */
    private static final String[] UNITS = {"bytes", "byte", "b", "kb", "mb", "gb", "kib", "mib", "gib", "ms", "ns",
        "us", "\u00b5s", "s"};

    private PhoneNumbers() {
    }

    /** {@code at} is '+', '(', a digit, or the '%' of a URL-encoded '+' ({@code To=%2B14155552671}). */
    static long match(CharSequence s, int from, int at, int end) {
        char c = s.charAt(at);
        if (c == '+') {
            return international(s, from, at, end);
        }
        if (c == '%') {
            return encodedInternational(s, at, end);
        }
        long northAmerican = northAmerican(s, from, at, end);
        if (northAmerican != Match.NONE) {
            return northAmerican;
        }
        long mobile = c == '(' ? Match.NONE : indianMobile(s, from, at, end);
        return mobile != Match.NONE ? mobile : named(s, from, at, end);
    }

    /**
     * A number after a word that names a phone: {@code telephone=4155552671}, {@code tel=(020) 7946 0958}.
     * In groups, a national number starts with its trunk prefix 0, which keeps the groups of an
     * Aadhaar number or a run of counters after the word out of it. It ends after the last group
     * that can end it, short of a time ({@code 10:11}) or a longer number; the word is looked for last.
     */
    private static long named(CharSequence s, int from, int at, int end) {
        if (!NumberEdges.startsAt(s, from, at)) {
            return Match.NONE;
        }
        int i = at;
        int digits = 0;
        int groups = 0;
        if (s.charAt(i) == '(') {
            int close = i + 1;
            while (close < end && CharClass.isDigit(s.charAt(close))) {
                close++;
            }
            i = charAt(s, close + 1, end) == ' ' || charAt(s, close + 1, end) == '+' ? close + 2 : close + 1;
            if (close == at + 1 || close - at - 1 > MAX_GROUP || charAt(s, close, end) != ')' || !digitAt(s, i, end)) {
                return Match.NONE;
            }
            digits = close - at - 1;
            groups = 1;
        }
        boolean trunkPrefix = s.charAt(s.charAt(at) == '(' ? at + 1 : at) == '0';
        int numberEnd = -1;
        // The separator between groups, once one other than an area code's '/' was read.
        char separators = 0;
        while (digits <= MAX_NAMED) {
            int group = i;
            while (i < end && CharClass.isDigit(s.charAt(i))) {
                i++;
            }
            digits += i - group;
            groups++;
            boolean grouped = groups > 1;
            boolean fits = grouped ? trunkPrefix ? digits <= MAX_NAMED && digits >= MIN_NAMED_GROUPED
                            : digits <= MAX_NAMED_BARE && digits >= MIN_NAMED_UNPREFIXED
                    : digits >= MIN_NAMED && (digits <= MAX_NAMED_BARE || digits <= E164_MAX && s.charAt(at) >= '2');
            if (fits && NumberEdges.endsAt(s, i, end) && !(charAt(s, i, end) == ':' && digitAt(s, i + 1, end))) {
                numberEnd = i;
            }
            char separator = charAt(s, i, end);
            // Groups of at most MAX_GROUP digits but the last.
            if (i - group > MAX_GROUP || !joinsGroups(separator, separators, groups == 1 && trunkPrefix)
                    || !digitAt(s, i + 1, end)) {
                break;
            }
            separators = separator == '/' ? separators : separator;
            i++;
        }
        if (!trunkPrefix && groups > 1 && digits > MAX_NAMED_BARE) {
            numberEnd = -1; // groups that go on past a phone's length: 4155 5526 7123 4567 is a card's shape
        }
        numberEnd = Math.max(numberEnd, dialledAbroadEnd(s, at, end));
        return numberEnd < 0 || !KeywordBefore.names(s, from, at, KeywordBefore.PHONE) ? Match.NONE
                : Match.of(at, numberEnd);
    }

    /**
     * Whether {@code separator} joins the next group of a named national number: the one separator
     * all its groups use (' ', '-' or '.', or a form body's '+' for a space; {@code previous}, 0 before
     * the first), or the '/' after the area code that German numbers put there ({@code 030/12345678},
     * {@code 0171/1234567}).
     */
    private static boolean joinsGroups(char separator, char previous, boolean afterAreaCode) {
        if (separator == '/') {
            return afterAreaCode;
        }
        return (separator == ' ' || separator == '-' || separator == '.' || separator == '+')
                && (previous == 0 || separator == previous);
    }

    /**
     * The end of an international number dialled with the prefix {@code 00} in place of '+'
     * ({@code 0044 20 7946 0958}, {@code 00442079460958}), read as E.164 after it; -1 if none.
     * Up to 17 digits: longer than a national number, so read whole only this way.
     */
    private static int dialledAbroadEnd(CharSequence s, int at, int end) {
        if (s.charAt(at) != '0' || charAt(s, at + 1, end) != '0') {
            return -1;
        }
        int country = at + 2;
        if (charAt(s, country, end) == ' ' || charAt(s, country, end) == '-') {
            country++;
        }
        char first = charAt(s, country, end);
        return first < '1' || first > '9' ? -1 : e164End(s, country, end, 0);
    }

    /**
     * An E.164 number whose '+' a form body or query URL-encodes, as SMS gateways' requests are
     * logged ({@code To=%2B14155552671&From=...}): digits after {@code %2B}, the '%' masked with them,
     * bare or in groups the encoded spaces join ({@code phone=%2B49+151+23456789}, {@code %2B49%20151%20…}).
     */
    private static long encodedInternational(CharSequence s, int at, int end) {
        if (at + 4 >= end || s.charAt(at + 1) != '2' || CharClass.toLower(s.charAt(at + 2)) != 'b'
                || s.charAt(at + 3) < '1' || s.charAt(at + 3) > '9') {
            return Match.NONE;
        }
        int best = encodedGroupsEnd(s, at + 3, end);
        if (best < 0) {
            best = e164End(s, at + 3, end, 0);
        }
        return best < 0 || isSignedQuantity(s, at + 2, best, end) ? Match.NONE : Match.of(at, best);
    }

    /**
     * The end of 8 to {@link #E164_MAX} digits from {@code at} in two or more groups that a form's
     * encoded space joins, '+' or {@code %20}, the same one throughout, each group after the first
     * of two digits or more; -1 if none, or if the groups go on past that (a sum, {@code %2B4+4+4…}).
     */
    private static int encodedGroupsEnd(CharSequence s, int at, int end) {
        int digits = 0;
        int space = 0;
        int i = at;
        while (true) {
            int group = i;
            while (i < end && CharClass.isDigit(s.charAt(i))) {
                i++;
            }
            digits += i - group;
            if (digits > E164_MAX || (space != 0 && i - group < 2)) {
                return -1;
            }
            int next = charAt(s, i, end) == '+' ? 1
                    : TextSearch.startsWith(s, i, end, ENCODED_SPACE) ? ENCODED_SPACE.length() : 0;
            if (next == 0 || (space != 0 && next != space) || !digitAt(s, i + next, end)) {
                return space != 0 && digits >= E164_MIN && NumberEdges.endsAt(s, i, end) ? i : -1;
            }
            space = next;
            i += next;
        }
    }

    private static long international(CharSequence s, int from, int at, int end) {
        if (CharClass.wordBefore(s, from, at) || at + 1 >= end || s.charAt(at + 1) < '1' || s.charAt(at + 1) > '9') {
            return Match.NONE;
        }
        long bracketed = bracketedCountryCode(s, from, at, end);
        if (bracketed != Match.NONE) {
            return bracketed;
        }
        int best = e164End(s, at + 1, end, 0);
        return best < 0 || isSignedQuantity(s, at, best, end) ? Match.NONE : Match.of(at, best);
    }

    /**
     * The country code in brackets, then the number: {@code (+44) 7700 900123}, {@code (+91)-98765 43210},
     * from the opening bracket; NONE when the '+' at {@code at} opens no such number.
     */
    private static long bracketedCountryCode(CharSequence s, int from, int at, int end) {
        if (at <= from || s.charAt(at - 1) != '(') {
            return Match.NONE;
        }
        int close = at + 1;
        while (close < end && close - at <= MAX_COUNTRY_CODE && CharClass.isDigit(s.charAt(close))) {
            close++;
        }
        if (close == at + 1 || close - at - 1 > MAX_COUNTRY_CODE || charAt(s, close, end) != ')'
                || (charAt(s, close + 1, end) != ' ' && charAt(s, close + 1, end) != '-') || !digitAt(s, close + 2, end)) {
            return Match.NONE;
        }
        int best = e164End(s, close + 2, end, close - at - 1);
        return best < 0 ? Match.NONE : Match.of(at - 1, best);
    }

    /**
     * Whether the '+' at {@code at} and the bare digits to {@code stop} are a signed quantity, as
     * memory and timing deltas are logged: followed by a unit ({@code +12345678 bytes},
     * {@code +12345678%}) or a round size ({@code heap delta +268435456}, 256 MiB). A quantity
     * is never grouped, and a grouped phone number stays one whatever follows ({@code +91 63873 70709 ms}).
     */
    private static boolean isSignedQuantity(CharSequence s, int at, int stop, int end) {
        boolean bare = CharClass.digits(s, at + 1, stop - at - 1, end);
        return bare && (unitAt(s, stop, end) || isRoundQuantity(s, at + 1, stop));
    }

    /** Whether a unit ({@link #UNITS}, or '%') follows at {@code at}, directly or after one space. */
    private static boolean unitAt(CharSequence s, int at, int end) {
        return CountNames.followedBy(s, at, end, UNITS);
    }

    /**
     * The end of the longest E.164 number whose digits start at {@code digitsAt} (after its '+' or
     * {@code 00}): 8 to 15 digits, grouped by spaces, dashes or one parenthesised group; or -1.
     * {@code digitsBefore}: the country code's, when its brackets stand apart.
     */
    private static int e164End(CharSequence s, int digitsAt, int end, int digitsBefore) {
        int best = -1;
        int digits = digitsBefore;
        boolean open = false;
        int i = digitsAt;
        while (i < end) {
            char c = s.charAt(i);
            if (CharClass.isDigit(c)) {
                if (++digits > E164_MAX) {
                    break;
                }
                i++;
                // May end before a space and more digits, never inside a dash-joined number.
                if (!open && digits >= E164_MIN && (NumberEdges.endsAt(s, i, end) || s.charAt(i) == ' ')) {
                    best = i;
                }
            } else if (c == '(' && !open && digitAt(s, i + 1, end)) {
                open = true;
                i++;
            } else if (c == ')' && open) {
                open = false;
                i++;
                if (i + 1 < end && (s.charAt(i) == ' ' || s.charAt(i) == '-') && digitAt(s, i + 1, end)) {
                    i++;
                }
            } else if ((c == ' ' || c == '-') && !open && (digitAt(s, i + 1, end) || charAt(s, i + 1, end) == '(')) {
                i++;
            } else {
                break;
            }
        }
        return best;
    }

    private static long northAmerican(CharSequence s, int from, int at, int end) {
        int i = at;
        boolean countryCode = false;
        if (s.charAt(i) == '1' && isSeparator(charAt(s, i + 1, end))) {
            countryCode = true;
            i += 2;
        }
        char separator;
        if (charAt(s, i, end) == '(') {
            if (CharClass.wordBefore(s, from, at) || !areaOrExchange(s, i + 1, end) || charAt(s, i + 4, end) != ')') {
                return Match.NONE;
            }
            i += 5;
            if (charAt(s, i, end) == ' ') {
                i++;
            }
            separator = 0;
        } else {
            if (!CharClass.isDigit(s.charAt(at)) || !NumberEdges.startsAt(s, from, at) || !areaOrExchange(s, i, end)) {
                return Match.NONE;
            }
            separator = charAt(s, i + 3, end);
            // Spaces only after a leading 1: "415 555 2671" alone reads like three counters.
            if (!isSeparator(separator) || (separator == ' ' && !countryCode)) {
                return Match.NONE;
            }
            i += 4;
        }
        if (!areaOrExchange(s, i, end)) {
            return Match.NONE;
        }
        char second = charAt(s, i + 3, end);
        if (separator == 0 ? !isSeparator(second) : second != separator) {
            return Match.NONE;
        }
        i += 4;
        if (!CharClass.digits(s, i, 4, end) || !NumberEdges.endsAt(s, i + 4, end)) {
            return Match.NONE;
        }
        return Match.of(at, i + 4);
    }

    private static long indianMobile(CharSequence s, int from, int at, int end) {
        char first = s.charAt(at);
        if (first < '6' || !CharClass.digits(s, at, 10, end) || !NumberEdges.startsAt(s, from, at)
                || !NumberEdges.endsAt(s, at + 10, end) || isRoundQuantity(s, at, at + 10)
                || CardNumbers.endsAName(s, from, at) || CountNames.countedAfter(s, at + 10, end)
                || CountNames.namesACount(s, from, at, KeywordBefore.PHONE, true)
                || isInsertedAsACount(s, from, at)) {
            return Match.NONE;
        }
        return Match.of(at, at + 10);
    }

    /**
     * Whether the number at {@code at}, quoted or not, is an SQL insert's value for a column named
     * like a count or an id: Liquibase's {@code INSERT INTO databasechangelog (..., DEPLOYMENT_ID)
     * VALUES (..., '6566660069')} at DEBUG.
     */
    private static boolean isInsertedAsACount(CharSequence s, int from, int at) {
        long column = SqlInsertValues.columnOf(s, from, at > from && s.charAt(at - 1) == '\'' ? at - 1 : at);
        return column != Match.NONE
                && CountNames.isCountName(s, Match.start(column), Match.end(column), KeywordBefore.PHONE);
    }

    /**
     * A size in bytes that is a whole number of MiB (8589934592 is 8 GiB, a heap or memory size)
     * or a number ending in six zeros: a quantity, which a mobile number is about once in a million.
     */
    private static boolean isRoundQuantity(CharSequence s, int at, int stop) {
        long value = 0;
        for (int i = at; i < stop; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value % (1 << 20) == 0 || value % 1_000_000 == 0;
    }

    /** Three digits, the first 2-9 (NANP area codes and exchanges never start with 0 or 1). */
    private static boolean areaOrExchange(CharSequence s, int at, int end) {
        return CharClass.digits(s, at, 3, end) && s.charAt(at) >= '2';
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '.' || c == ' ';
    }

    private static boolean digitAt(CharSequence s, int at, int end) {
        return at < end && CharClass.isDigit(s.charAt(at));
    }

    private static char charAt(CharSequence s, int at, int end) {
        return at < end ? s.charAt(at) : 0;
    }
}
