package dev.primus.agent.masking;

/**
 * aws_secret_key: a 40-char secret access key (letters, digits, '+', '/') as the value of a key
 * named for it: {@code aws_secret_access_key} in a credentials file, {@code AWS_SECRET_ACCESS_KEY}
 * in the environment, {@code SecretAccessKey} in STS and IAM JSON, {@code aws.secretAccessKey},
 * {@code aws_secret_key}. A bare 40-char string is left alone: alone it cannot be told from a
 * hash or an id, and a secret key is useless without its access key id, which aws_access_key
 * masks wherever it stands.
 */
final class AwsSecretKeys {
    private static final String[] KEY_NAMES = {"secretaccesskey", "awssecretkey"};
    /** The names whose value may follow a space: the AWS CLI's and the environment's, in either case. */
    private static final String[] SPACED_NAMES = {"aws_secret_access_key", "aws_secret_key"};
    private static final int MAX_SPACES = 4;
    private static final int LENGTH = 40;

    private AwsSecretKeys() {
    }

    /**
     * {@code at} is '=' or ':'; or the start of a word, that the '_' after its {@code aws} announced:
     * the variable's name then its value after a space, as the AWS CLI takes it
     * ({@code aws configure set aws_secret_access_key v}) and a shell trace or a sentence writes it.
     */
    static long match(CharSequence s, int from, int at, int end) {
        if (CharClass.isLetter(s.charAt(at))) {
            return CharClass.prefixWordBefore(s, from, at) ? Match.NONE : afterSpacedName(s, at, end);
        }
        int keyEnd = KeyedValue.keyEnd(s, from, at);
        if (!namesASecretKey(s, from, keyEnd)) {
            return Match.NONE;
        }
        return secretAt(s, KeyedValue.valueStart(s, at, end), end);
    }

    private static long afterSpacedName(CharSequence s, int at, int end) {
        for (String name : SPACED_NAMES) {
            if (TextSearch.startsWithIgnoreCase(s, at, end, name)) {
                int value = at + name.length();
                int spaces = value;
                while (value < end && value - spaces < MAX_SPACES
                        && (s.charAt(value) == ' ' || s.charAt(value) == '\t')) {
                    value++;
                }
                if (value == spaces || value == end) {
                    return Match.NONE; // "aws_secret_access_key=" is the separator's to judge
                }
                return secretAt(s, CharClass.isQuote(s.charAt(value)) ? value + 1 : value, end);
            }
        }
        return Match.NONE;
    }

    /** The 40-char secret at {@code value}, and no base64 char right after it; else none. */
    static long secretAt(CharSequence s, int value, int end) {
        int stop = value + LENGTH;
        if (stop > end || (stop < end && (CharClass.isBase64(s.charAt(stop)) || s.charAt(stop) == '='))) {
            return Match.NONE;
        }
        for (int i = value; i < stop; i++) {
            if (!CharClass.isBase64(s.charAt(i))) {
                return Match.NONE;
            }
        }
        return Match.of(value, stop);
    }

    /** Whether a key this detector reads may end with ASCII char {@code c}, right before its separator. */
    static boolean mayEndKey(char c) {
        for (String name : KEY_NAMES) {
            if (CharClass.toLower(c) == name.charAt(name.length() - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the key ending at {@code keyEnd} names an AWS secret key; also for {@link ValueKeys}. */
    static boolean namesASecretKey(CharSequence s, int from, int keyEnd) {
        for (String name : KEY_NAMES) {
            if (KeyedValue.keyEndsWith(s, from, keyEnd, name)) {
                return true;
            }
        }
        return false;
    }
}
