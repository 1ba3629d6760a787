package dev.primus.agent.masking;

/**
 * Which parameters of the SQL statement a thread logged last bind a secret, for the line of
 * parameters its SQL logger writes after it, which names no column beside any value (MyBatis's
 * {@code ==> Parameters:}, {@link MyBatisParameters}; Hibernate's {@code binding parameter} and
 * Spring's {@code Setting SQL statement parameter value}, {@link BindingLines}). The only state
 * the engine keeps between two messages: one {@code long} per thread that logs statements,
 * written from a statement's line only.
 */
final class LastStatement {
    /** Parameters past this many are not judged, one bit each: a log line's statement, not a bulk load. */
    static final int MAX_PARAMETERS = Long.SIZE;
    /** Bit k: the k-th parameter of the statement this thread logged last binds a secret. */
    private static final ThreadLocal<long[]> SECRET_PARAMETERS = new ThreadLocal<long[]>() {
        @Override
        protected long[] initialValue() {
            return new long[1];
        }
    };

    private LastStatement() {
    }

    static void logged(long secretParameters) {
        SECRET_PARAMETERS.get()[0] = secretParameters;
    }

    static long secretParameters() {
        return SECRET_PARAMETERS.get()[0];
    }
}
