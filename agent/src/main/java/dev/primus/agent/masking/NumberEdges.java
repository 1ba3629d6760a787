package dev.primus.agent.masking;

/**
 * Where a number may start and end. Not inside a word (git SHAs, hex, {@code v2}), not inside a
 * decimal ({@code 0.4111111111111111}) and not inside a longer dash-joined number
 * ({@code 2024-11-24}, order ids like {@code 1234-5678-9012-3456-7890}).
 */
final class NumberEdges {
    private NumberEdges() {
    }

    static boolean startsAt(CharSequence s, int from, int at) {
        if (CharClass.wordBefore(s, from, at)) {
            return false;
        }
        if (at - 2 >= from) {
            char before = s.charAt(at - 1);
            return !((before == '.' || before == '-') && CharClass.isDigit(s.charAt(at - 2)));
        }
        return true;
    }

    static boolean endsAt(CharSequence s, int at, int end) {
        if (at >= end) {
            return true;
        }
        char after = s.charAt(at);
        if (CharClass.isWord(after)) {
            return false;
        }
        return !((after == '.' || after == '-') && at + 1 < end && CharClass.isDigit(s.charAt(at + 1)));
    }
}
