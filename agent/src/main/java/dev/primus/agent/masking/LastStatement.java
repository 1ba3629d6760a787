package dev.primus.agent.masking;

/**
 * Which parameters of the SQL statement a thread logged last bind a secret, for the line of
 * parameters its SQL logger writes after it, which names no column beside any value (MyBatis's
 * {@code ==> Parameters:}, {@link MyBatisParameters}; Hibernate's {@code binding parameter} and
 * Spring's {@code Setting SQL statement parameter value}, {@link BindingLines}); and which
 * columns of the result it logged last hold one, for MyBatis's rows. The only state the engine
 * keeps between two messages: three {@code long}s per thread that logs statements, written from a
 * statement's or a result's header line only.
 */
final class LastStatement {
    /** Parameters past this many are not judged, one bit each: a log line's statement, not a bulk load. */
    static final int MAX_PARAMETERS = Long.SIZE;
    private static final int PARAMETERS = 0;
    private static final int COLUMNS = 1;
    private static final int COLUMN_COUNT = 2;
    /**
     * Per thread: bit k of [0], the k-th parameter of the statement it logged last binds a secret;
     * bit k of [1], the k-th column of the result it logged last holds one, of [2] columns.
     */
    private static final ThreadLocal<long[]> SECRETS = new ThreadLocal<long[]>() {
        @Override
        protected long[] initialValue() {
            return new long[3];
        }
    };

    private LastStatement() {
    }

    static void logged(long secretParameters) {
        SECRETS.get()[PARAMETERS] = secretParameters;
    }

    static long secretParameters() {
        return SECRETS.get()[PARAMETERS];
    }

    /** A result's columns were logged ({@link MyBatisParameters}): which hold a secret, and how many there are. */
    static void columns(long secretColumns, int count) {
        long[] secrets = SECRETS.get();
        secrets[COLUMNS] = secretColumns;
        secrets[COLUMN_COUNT] = count;
    }

    static long secretColumns() {
        return SECRETS.get()[COLUMNS];
    }

    static int columnCount() {
        return (int) SECRETS.get()[COLUMN_COUNT];
    }
}
