package dev.primus.agent.masking;

/**
 * aadhaar: twelve digits, bare or grouped 4-4-4 by spaces or dashes, first digit 2-9, Verhoeff
 * check digit valid. Bare runs that read as a {@code yyyyMMddHHmm} timestamp are left alone unless
 * a word names them ({@code aadhaar 201905061230}), and so is the all-digit last group of a UUID. A grouped number followed by more digits ({@code 2341 2341
 * 2346 2024}) is still masked: an Aadhaar number next to a year or an amount is likelier than a
 * 16-digit id that is not a card yet passes Verhoeff.
 */
final class AadhaarNumbers {
    private AadhaarNumbers() {
    }

    /** {@code at} is a digit. */
    static long match(CharSequence s, int from, int at, int end) {
        char first = s.charAt(at);
        if (first < '2' || !CharClass.digits(s, at, 4, end) || !NumberEdges.startsAt(s, from, at)) {
            return Match.NONE;
        }
        char separator = at + 4 < end ? s.charAt(at + 4) : 0;
        int stop;
        if (separator == ' ' || separator == '-') {
            stop = at + 14;
            if (!CharClass.digits(s, at + 5, 4, end) || stop > end || s.charAt(at + 9) != separator
                    || !CharClass.digits(s, at + 10, 4, end)) {
                return Match.NONE;
            }
        } else {
            stop = at + 12;
            if (!CharClass.digits(s, at + 4, 8, end)
                    || (TimestampShape.isDateTime(s, at) && !KeywordBefore.names(s, from, at, KeywordBefore.AADHAAR))) {
                return Match.NONE;
            }
        }
        if (!NumberEdges.endsAt(s, stop, end) || !VerhoeffCheck.valid(s, at, stop)
                || (nextToDash(s, from, at, stop, end) && UuidShape.contains(s, from, at, stop, end))) {
            return Match.NONE;
        }
        return Match.of(at, stop);
    }

    private static boolean nextToDash(CharSequence s, int from, int start, int stop, int end) {
        return (start > from && s.charAt(start - 1) == '-') || (stop < end && s.charAt(stop) == '-');
    }
}
