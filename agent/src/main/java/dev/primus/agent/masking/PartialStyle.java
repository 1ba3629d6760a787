package dev.primus.agent.masking;

/**
 * style partial: every letter and digit but the last four chars becomes '*', separators stay:
 * {@code 4111-1111-1111-1111} is {@code ****-****-****-1111}, {@code john.doe@example.com} is
 * {@code ****.***@*******.com}. Values shorter than eight chars are redacted, since four of
 * seven chars give most of the value away; so are secrets, IP addresses and custom values
 * (see {@link BuiltInDetector#partialShowsTail} and {@link Detector#custom}), values followed
 * by more digits, and a card's track data.
 */
final class PartialStyle implements MaskStyle {
    private static final int SHOWN = 4;
    private static final int MIN_LENGTH = 8;

    @Override
    public String replacement(CharSequence value, int start, int end, Detector detector) {
        if (!detector.partialShowsTail || end - start < MIN_LENGTH || numberFollows(value, end)
                || isTrackData(value, start, end)) {
            return detector.redacted;
        }
        StringBuilder out = new StringBuilder(end - start);
        int hiddenEnd = end - SHOWN;
        for (int i = start; i < hiddenEnd; i++) {
            char c = value.charAt(i);
            out.append(Character.isLetterOrDigit(c) ? '*' : c);
        }
        return out.append(value, hiddenEnd, end).toString();
    }

    /**
     * Whether the value is a card's magnetic-stripe track ({@link CardNumbers}), told by the
     * separators ('^', '=') and end sentinel ('?') no other value holds: its last chars are
     * discretionary data (a CVV1 among them), not the card's last four.
     */
    private static boolean isTrackData(CharSequence value, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c == '^' || c == '=' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether more digits follow after a separator: the shown tail and those digits could read as
     * a new number (6105 1732406400000 as a card) when the output is masked again.
     */
    private static boolean numberFollows(CharSequence text, int end) {
        if (end + 1 >= text.length()) {
            return false;
        }
        char separator = text.charAt(end);
        return (separator == ' ' || separator == '-' || separator == '.') && CharClass.isDigit(text.charAt(end + 1));
    }
}
