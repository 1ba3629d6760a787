package dev.primus.agent.masking;

/**
 * For password_kv: a password's hash in the modular crypt or PHC format, where no key names it,
 * since a weak password comes back from its hash offline. A driver's bound parameters at TRACE
 * ({@code $2=<('$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy')>}), a user row an
 * app logs, {@code /etc/shadow}'s line, Spring Security's {@code {bcrypt}$2a$10$...}. Found from
 * the '$' at a word start: a scheme's id that a crypt library writes ({@link #SCHEMES}: bcrypt's
 * {@code 2a}, sha512-crypt's {@code 6}, yescrypt's {@code y}, {@code argon2id}, passlib's
 * {@code pbkdf2-sha256}, the Java scrypt library's {@code s0}, ...), then '$'-separated fields, the last at least
 * 22 chars of the hash's alphabet (bcrypt's 53); the whole hash is masked, from its '$'.
 * After a password's key any such value is read as one already ({@link PasswordValues}); here,
 * with no key, only the schemes below, so that {@code $1=<'x'>} and {@code ${db.url}} stay.
 */
final class CryptHashes {
    /** The ids crypt(3), passlib and the PHC string format give their schemes. */
    private static final String[] SCHEMES = {"1", "2", "2a", "2b", "2x", "2y", "5", "6", "7", "y", "gy", "md5", "sha1",
        "apr1", "argon2i", "argon2d", "argon2id", "scrypt", "pbkdf2", "pbkdf2-sha1", "pbkdf2-sha256", "pbkdf2-sha512",
        "bcrypt-sha256", "s0"};
    private static final int MAX_SCHEME = 13;
    /** The hash itself, base64 in crypt's or PHC's alphabet: md5-crypt's 22 chars are the shortest. */
    private static final int MIN_LAST_FIELD = 22;
    /** bcrypt's salt and hash in one field: 22 and 31 chars. */
    private static final int BCRYPT_LAST_FIELD = 53;
    private static final int MAX_LENGTH = 512;

    private CryptHashes() {
    }

    /** {@code at} is a '$' at a word start. */
    static long match(CharSequence s, int at, int end) {
        int scheme = at + 1;
        while (scheme < end && scheme - at <= MAX_SCHEME && s.charAt(scheme) != '$') {
            scheme++;
        }
        if (scheme >= end || s.charAt(scheme) != '$' || !TextSearch.isOneOf(s, at + 1, scheme, SCHEMES)) {
            return Match.NONE;
        }
        int fieldStart = scheme + 1;
        int i = fieldStart;
        int limit = Math.min(end, at + MAX_LENGTH);
        while (i < limit && isHashStringChar(s.charAt(i))) {
            if (s.charAt(i) == '$') {
                fieldStart = i + 1;
            }
            i++;
        }
        int stop = fieldStart;
        while (stop < i && isHashChar(s.charAt(stop))) {
            stop++; // a ',' or '=' after the hash is the text's own: "hash=$2a$..., name=bob", "bob,$5$...,true"
        }
        int padded = stop;
        while (padded < i && padded - stop < 2 && s.charAt(padded) == '=') {
            padded++; // PHC's base64 may keep its padding: scrypt's $s0$...$7H0v...ND0=
        }
        boolean padding = padded > stop && (padded == end || !CharClass.isWord(s.charAt(padded)));
        int shortest = s.charAt(at + 1) == '2' ? BCRYPT_LAST_FIELD : MIN_LAST_FIELD;
        if (fieldStart == scheme + 1 || stop - fieldStart < shortest) {
            return Match.NONE;
        }
        return Match.of(at, padding ? padded : stop);
    }

    /** What a crypt or PHC string holds: its fields' chars and the '$' between them. */
    static boolean isHashStringChar(char c) {
        return c == '$' || isHashChar(c) || isParameterChar(c);
    }

    /** The alphabets of crypt's base64 ({@code ./0-9A-Za-z}) and of PHC's ({@code A-Za-z0-9+/}). */
    private static boolean isHashChar(char c) {
        return CharClass.isAlnum(c) || c == '.' || c == '/' || c == '+';
    }

    /** What a hash's parameter fields hold besides: {@code rounds=5000}, {@code m=65536,t=3,p=4}, {@code ln=16}. */
    private static boolean isParameterChar(char c) {
        return c == '=' || c == ',' || c == '-';
    }
}
