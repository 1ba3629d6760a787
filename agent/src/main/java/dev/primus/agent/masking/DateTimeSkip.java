package dev.primus.agent.masking;

/**
 * How far the scan may pass over a date or time that starts a digit run, without calling a
 * detector: {@code 2026-11-24 01:23:45.678} is thirteen triggers (seven digit runs, two dashes,
 * two colons) that all come to nothing, and most log lines start with one.
 *
 * <p>A skip ends where the detectors provably find nothing before it, whatever detectors are
 * enabled; the comments below say why at each step. The dashes and colons are followed by digits,
 * which start no key block, key value or IPv6 "::", and a colon after a digit ends no key. Where
 * a field could still start a value (a card in {@code 23:26:59 4111 1111 1111 1111}, an IPv6
 * address in {@code 01:23:45::1}), the skip stops before that field and the scan goes on as usual.
 */
final class DateTimeSkip {
    private DateTimeSkip() {
    }

    /**
     * The index up to which no value can start, from {@code at}, where a run of four digits and a
     * dash start at a word start ({@code yyyy-}); {@code at} when no date follows.
     */
    static int afterYear(CharSequence s, int at, int end) {
        // yyyy-MM-dd, not followed by another digit.
        if (at + 10 > end || !twoDigits(s, at + 5) || s.charAt(at + 7) != '-' || !twoDigits(s, at + 8)
                || CharClass.isDigit(charAt(s, at + 10, end))) {
            return at;
        }
        // yyyy, MM: the next group has two digits, too few for a card or Aadhaar group, and a dash
        // after them is no '.', ':' or hex, so no IP address either.
        int day = at + 8;
        char t = charAt(s, day + 2, end);
        if ((t == ' ' || t == 'T') && isTime(s, day + 3, end)) {
            int past = pastTime(s, day + 3, end);
            if (past > day + 3) {
                // dd: the same, with the two-digit hour as its next group.
                return past;
            }
        }
        return quietAfterTwoDigits(s, day + 2, end) ? day + 2 : day;
    }

    /**
     * The index up to which no value can start, from {@code at}, where a run of two digits and a
     * colon start at a word start ({@code HH:}); {@code at} when no time follows.
     */
    static int afterHour(CharSequence s, int at, int end) {
        return isTime(s, at, end) ? pastTime(s, at, end) : at;
    }

    /** {@code dd:dd:dd} at {@code at}, not followed by another digit. */
    private static boolean isTime(CharSequence s, int at, int end) {
        return at + 8 <= end && twoDigits(s, at) && s.charAt(at + 2) == ':' && twoDigits(s, at + 3)
                && s.charAt(at + 5) == ':' && twoDigits(s, at + 6) && !CharClass.isDigit(charAt(s, at + 8, end));
    }

    /**
     * Past the time {@code HH:mm:ss} at {@code at}, and past its fraction where that is safe; before
     * {@code ss} when ss could start a value; {@code at} when HH could: an IPv6 address needs eight
     * groups or a "::", so only a ':' or a hex letter right after ss lets one start at HH. mm
     * follows a ':', so it can only be the tail of an address, and no other number is two digits
     * before a ':'.
     */
    private static int pastTime(CharSequence s, int at, int end) {
        int after = at + 8;
        char c = charAt(s, after, end);
        if (c == ':' || CharClass.isHex(c)) {
            return at;
        }
        if (c == '.') {
            int fraction = after + 1;
            int stop = fraction;
            while (stop < end && CharClass.isDigit(s.charAt(stop))) {
                stop++;
            }
            // ss.fraction is no dotted quad when no '.' follows two or three digits of fraction
            // (four or more are no octet); and a number after a digit and '.' is no number start,
            // except for a phone's country code, which is a lone '1'.
            if (stop - fraction >= 2 && charAt(s, stop, end) != '.') {
                return stop;
            }
            return at + 6;
        }
        return quietAfterTwoDigits(s, after, end) ? after : at + 6;
    }

    /**
     * Whether two digits before {@code after} start nothing: no IP address ('.', ':' or hex after
     * them) and no grouped card, Aadhaar number or phone (a space or dash and more digits).
     */
    private static boolean quietAfterTwoDigits(CharSequence s, int after, int end) {
        char c = charAt(s, after, end);
        return c != '.' && c != ':' && !CharClass.isHex(c)
                && !((c == ' ' || c == '-') && CharClass.isDigit(charAt(s, after + 1, end)));
    }

    /** The caller has checked that {@code at + 1} lies before the end. */
    private static boolean twoDigits(CharSequence s, int at) {
        return CharClass.isDigit(s.charAt(at)) && CharClass.isDigit(s.charAt(at + 1));
    }

    private static char charAt(CharSequence s, int at, int end) {
        return at < end ? s.charAt(at) : 0;
    }
}
