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
    private static final int LENGTH = 40;

    private AwsSecretKeys() {
    }

    /** {@code at} is '=' or ':'. */
    static long match(CharSequence s, int from, int at, int end) {
        int keyEnd = KeyedValue.keyEnd(s, from, at);
        if (!namesASecretKey(s, from, keyEnd)) {
            return Match.NONE;
        }
        int value = KeyedValue.valueStart(s, at, end);
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

    private static boolean namesASecretKey(CharSequence s, int from, int keyEnd) {
        for (String name : KEY_NAMES) {
            if (KeyedValue.keyEndsWith(s, from, keyEnd, name)) {
                return true;
            }
        }
        return false;
    }
}
