package dev.primus.agent.masking;

/**
 * For password_kv: a value that a container's {@code toString} prints inside its own name, as
 * {@code log.info("password={}", Optional.of(pw))} writes it: {@code java.util.Optional}'s
 * {@code Optional[x]}, Guava's {@code Optional.of(x)}, Scala's and Vavr's {@code Some(x)}. The value
 * is what stands inside, judged as any other; read as a type's {@code toString}, the whole would be
 * left alone and the password with it. The empty ones ({@code Optional.empty}, {@code None}) are
 * framework words ({@link FrameworkValues}). Apache Camel's {@code RAW(x)} and {@code RAW{x}} too,
 * which an endpoint's URI wraps a password in so that it is taken as written
 * ({@code smtp://host?password=RAW(s3cr3t!)}, in Camel's DEBUG log of every resolved URI). And a
 * function an SQL statement hashes the password with, its first argument a literal
 * ({@code password = crypt('x', gen_salt('bf'))}, {@code md5('x')}, {@code digest('x', 'sha256')}):
 * the literal, so that the function's name and the rest of the call stay as written.
 */
final class ValueWrappers {
    private static final String[] OPENINGS = {"Optional[", "Optional.of(", "Some(", "RAW(", "RAW{"};
    /** SQL's functions are short names: crypt, md5, sha2, digest, pgp_sym_encrypt, AES_ENCRYPT. */
    private static final int MAX_FUNCTION = 24;

    private ValueWrappers() {
    }

    /** What {@code s[start, stop)} wraps, as a {@link Match}, when it is such a container closed at its end; else NONE. */
    static long inner(CharSequence s, int start, int stop) {
        for (String opening : OPENINGS) {
            int inner = start + opening.length();
            if (inner < stop && TextSearch.startsWith(s, start, stop, opening)
                    && s.charAt(stop - 1) == closing(opening.charAt(opening.length() - 1))) {
                return Match.of(inner, stop - 1);
            }
        }
        return Match.NONE;
    }

    /**
     * Where the literal starts that is the first argument of a function called at {@code value}
     * ({@code crypt('x', ...)}: the index after its {@code '}); -1 when the text there is no such call.
     */
    static int functionLiteral(CharSequence s, int value, int end) {
        int open = value;
        while (open < end && open - value <= MAX_FUNCTION
                && (CharClass.isAlnum(s.charAt(open)) || s.charAt(open) == '_')) {
            open++;
        }
        boolean named = open - value >= 2 && CharClass.isLetter(s.charAt(value));
        return named && open + 2 < end && s.charAt(open) == '(' && s.charAt(open + 1) == '\'' ? open + 2 : -1;
    }

    private static char closing(char open) {
        return open == '[' ? ']' : open == '{' ? '}' : ')';
    }
}
