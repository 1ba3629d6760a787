package dev.primus.agent.masking;

/** Whether a span lies inside a UUID (8-4-4-4-12 hex digits), whose last group can be all digits. */
final class UuidShape {
    private static final int LENGTH = 36;

    private UuidShape() {
    }

    static boolean contains(CharSequence s, int from, int start, int end, int textEnd) {
        int left = start;
        while (left > from && start - left < LENGTH && isUuidChar(s.charAt(left - 1))) {
            left--;
        }
        int right = end;
        while (right < textEnd && right - end < LENGTH && isUuidChar(s.charAt(right))) {
            right++;
        }
        if (right - left != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            char c = s.charAt(left + i);
            if (dash ? c != '-' : !CharClass.isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUuidChar(char c) {
        return c == '-' || CharClass.isHex(c);
    }
}
