package dev.primus.agent.masking;

/**
 * Recognises this masker's own output, {@code [NAME]} and {@code [NAME:8 hex]}, for the names
 * of its detectors only, so that masking twice changes nothing and a custom pattern never matches
 * inside a marker. A bracketed word that is not one of our names ({@code [AKIA...]}) is scanned
 * as usual.
 */
final class Markers {
    private static final int HASH_LENGTH = 8;

    private final String[] names;
    private final int maxLength;

    Markers(String[] names) {
        this.names = names.clone();
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, name.length());
        }
        this.maxLength = longest + HASH_LENGTH + 3;
    }

    /** End of the marker starting at {@code at}, or -1 when there is none. */
    int endOfMarkerAt(CharSequence s, int at, int end) {
        if (at >= end || s.charAt(at) != '[') {
            return -1;
        }
        int i = at + 1;
        while (i < end && i - at < maxLength && isNameChar(s.charAt(i))) {
            i++;
        }
        int nameEnd = i;
        if (nameEnd == at + 1 || i >= end) {
            return -1;
        }
        if (s.charAt(i) == ':') {
            for (int k = 1; k <= HASH_LENGTH; k++) {
                if (i + k >= end || !isLowerHex(s.charAt(i + k))) {
                    return -1;
                }
            }
            i += HASH_LENGTH + 1;
        }
        if (i >= end || s.charAt(i) != ']' || !known(s, at + 1, nameEnd)) {
            return -1;
        }
        return i + 1;
    }

    /** Start of the marker that contains {@code position}, or -1. */
    int markerAround(CharSequence s, int from, int position, int end) {
        for (int j = position; j >= from && position - j < maxLength; j--) {
            if (s.charAt(j) == '[') {
                return endOfMarkerAt(s, j, end) > position ? j : -1;
            }
        }
        return -1;
    }

    /** Start of the first marker in {@code [start, stop)}, or -1. */
    int firstMarkerIn(CharSequence s, int start, int stop, int end) {
        for (int j = start; j < stop; j++) {
            if (s.charAt(j) == '[' && endOfMarkerAt(s, j, end) > 0) {
                return j;
            }
        }
        return -1;
    }

    private boolean known(CharSequence s, int start, int stop) {
        for (String name : names) {
            if (name.length() == stop - start && TextSearch.startsWith(s, start, stop, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return CharClass.isUpper(c) || CharClass.isDigit(c) || c == '_';
    }

    private static boolean isLowerHex(char c) {
        return CharClass.isDigit(c) || (c >= 'a' && c <= 'f');
    }
}
