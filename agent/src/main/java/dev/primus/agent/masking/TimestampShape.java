package dev.primus.agent.masking;

/**
 * Whether twelve digits read as a {@code yyyyMMddHHmm} timestamp (1900-2099). Such runs are
 * common in logs and one in ten passes Verhoeff; a real Aadhaar number has this shape about once
 * in twenty thousand.
 */
final class TimestampShape {
    private TimestampShape() {
    }

    static boolean isDateTime(CharSequence s, int at) {
        int century = number(s, at);
        int month = number(s, at + 4);
        int day = number(s, at + 6);
        int hour = number(s, at + 8);
        int minute = number(s, at + 10);
        return (century == 19 || century == 20) && month >= 1 && month <= 12 && day >= 1 && day <= 31
                && hour <= 23 && minute <= 59;
    }

    private static int number(CharSequence s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }
}
