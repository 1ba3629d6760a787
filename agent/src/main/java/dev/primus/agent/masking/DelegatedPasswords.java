package dev.primus.agent.masking;

/**
 * For password_kv: a stored password in the form that names its encoding in braces before it,
 * where no key names it: Spring Security's {@code DelegatingPasswordEncoder}
 * ({@code {noop}hunter2}, which is the password itself, {@code {bcrypt}$2a$10$...},
 * {@code {pbkdf2}5d92...}), as an app logs a user it builds or loads, and the RFC 2307 schemes of an
 * LDAP {@code userPassword} or a Dovecot passdb ({@code {SSHA}FRWu...}, {@code {PLAIN}x}). The
 * scheme is kept and what follows it masked, to the next space, quote, ',', ';', ':', '|'
 * or closing bracket (a Dovecot passwd-file's fields: {@code bob:{PLAIN}x:1000:1000::}).
 * Only the schemes below, in any case: {@code {}} and {@code {0}} are placeholders, {@code {id}} a
 * template's variable.
 */
final class DelegatedPasswords {
    /** Spring Security's encoder ids, the LDAP schemes of OpenLDAP and 389-ds, and Dovecot's. */
    private static final String[] SCHEMES = {"noop", "bcrypt", "pbkdf2", "scrypt", "argon2", "sha256", "sha-1", "sha-256",
        "md4", "md5", "ldap", "sha", "ssha", "smd5", "crypt", "ssha256", "ssha384", "ssha512", "sha384", "sha512",
        "pbkdf2-sha1", "pbkdf2-sha256", "pbkdf2-sha512", "plain", "cleartext", "clear", "plain-md5", "cram-md5",
        "sha256-crypt", "sha512-crypt", "blf-crypt", "md5-crypt", "pbkdf2@springsecurity_v5_8",
        "scrypt@springsecurity_v5_8", "argon2@springsecurity_v5_8"};
    private static final int MAX_SCHEME = 26;
    private static final int MAX_VALUE = 512;

    private DelegatedPasswords() {
    }

    /** {@code at} is a '{' at a word start. */
    static long match(CharSequence s, int at, int end) {
        int value = at;
        int schemes = 0;
        do { // {ldap}{SSHA}x: Spring's id before the LDAP scheme
            int close = value + 1;
            while (close < end && close - value <= MAX_SCHEME && s.charAt(close) != '}' && s.charAt(close) > ' ') {
                close++;
            }
            if (close >= end || s.charAt(close) != '}' || !TextSearch.isOneOfIgnoreCase(s, value + 1, close, SCHEMES)) {
                return Match.NONE;
            }
            value = close + 1;
        } while (++schemes < 2 && value < end && s.charAt(value) == '{');
        int limit = (int) Math.min(end, (long) value + MAX_VALUE);
        int stop = value;
        while (stop < limit && !endsValue(s.charAt(stop))) {
            stop++;
        }
        return stop == value ? Match.NONE : Match.of(value, stop);
    }

    private static boolean endsValue(char c) {
        return c <= ' ' || c == '"' || c == '\'' || c == ',' || c == ';' || c == ':' || c == '|' || c == ')' || c == ']' || c == '}';
    }
}
