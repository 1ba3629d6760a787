package dev.primus.agent.masking;

/**
 * A test runner's verdict that reads as a password's key or an FTP command: Go's
 * {@code --- PASS: TestLogin (0.00s)}, gotestsum's {@code PASS auth.TestLogin (0.00s)}. After
 * {@code PASS} come a test's name and its time in parentheses, which no password is followed by.
 * Read anywhere on a line: a CI runner's timestamp, a container's tag or {@code go test -json}'s
 * {@code "Output"} string before it change nothing. Other harnesses' {@code PASS: t/a.sh} give no
 * time, and stay masked as a key's value.
 */
final class TestVerdicts {
    private static final String PASS = "PASS";
    /** The longest test name read: Go's subtests join their names with '/'. */
    private static final int MAX_NAME = 256;

    private TestVerdicts() {
    }

    /**
     * Whether the key ending at {@code keyEnd} is {@code PASS}, in capitals, and a test's name and
     * time follow its separator's spaces from {@code afterSeparator}.
     */
    static boolean isPassed(CharSequence s, int from, int keyEnd, int afterSeparator, int end) {
        int start = keyEnd - PASS.length();
        if (start < from || !TextSearch.startsWith(s, start, keyEnd, PASS) || CharClass.wordBefore(s, from, start)) {
            return false;
        }
        int value = afterSeparator;
        while (value < end && s.charAt(value) == ' ') {
            value++;
        }
        return isNameAndTime(s, value, end);
    }

    /** Whether {@code s} from {@code at} is a test's name, a space and its time: {@code TestLogin/valid (0.01s)}. */
    static boolean isNameAndTime(CharSequence s, int at, int end) {
        int i = at;
        int limit = (int) Math.min(end, (long) at + MAX_NAME);
        while (i < limit && s.charAt(i) > ' ' && s.charAt(i) != '\\') {
            i++;
        }
        if (i == at || i + 4 >= end || s.charAt(i) != ' ' || s.charAt(i + 1) != '(' || !CharClass.isDigit(s.charAt(i + 2))) {
            return false;
        }
        i += 2;
        while (i < end && CharClass.isDigit(s.charAt(i))) {
            i++;
        }
        if (i < end && s.charAt(i) == '.') {
            i++;
            while (i < end && CharClass.isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i + 1 < end && s.charAt(i) == 's' && s.charAt(i + 1) == ')';
    }
}
