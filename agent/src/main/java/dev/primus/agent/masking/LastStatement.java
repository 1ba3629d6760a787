package dev.primus.agent.masking;

/**
 * Which parameters of the SQL statement a thread logged last bind a secret, for the line of
 * parameters its SQL logger writes after it, which names no column beside any value (MyBatis's
 * {@code ==> Parameters:}, {@link MyBatisParameters}; Hibernate's {@code binding parameter} and
 * Spring's {@code Setting SQL statement parameter value}, {@link BindingLines}); and which
 * columns of the result it logged last hold one, for MyBatis's rows. State the engine keeps
 * between two messages (with {@link SaslLoginAnswers}'s prompt): a few {@code long}s per thread that
 * logs statements, written from a statement's or a result's header line only; and the last few
 * statements pgjdbc parsed by name.
 */
final class LastStatement {
    /** Parameters past this many are not judged, one bit each: a log line's statement, not a bulk load. */
    static final int MAX_PARAMETERS = Long.SIZE;
    private static final int PARAMETERS = 0;
    private static final int COLUMNS = 1;
    private static final int COLUMN_COUNT = 2;
    /** How many statements the thread remembers by name (pgjdbc's S_1, S_2, ...), the oldest forgotten first. */
    private static final int NAMES = 8;
    /** Where the names start: [NEXT_NAME] the slot the next name takes, then a name's hash and its bits per slot. */
    private static final int NEXT_NAME = 3;
    /**
     * Per thread: bit k of [0], the k-th parameter of the statement it logged last binds a secret;
     * bit k of [1], the k-th column of the result it logged last holds one, of [2] columns.
     */
    private static final ThreadLocal<long[]> SECRETS = new ThreadLocal<long[]>() {
        @Override
        protected long[] initialValue() {
            return new long[NEXT_NAME + 1 + 2 * NAMES];
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

    /** A statement was parsed under a name, to be bound by it later ({@link PgjdbcProtocolLines}). */
    static void name(int nameHash, long secretParameters) {
        long[] secrets = SECRETS.get();
        int slot = slotOf(secrets, nameHash);
        if (slot < 0) {
            slot = NEXT_NAME + 1 + 2 * (int) secrets[NEXT_NAME];
            secrets[NEXT_NAME] = (secrets[NEXT_NAME] + 1) % NAMES;
        }
        secrets[slot] = nameHash;
        secrets[slot + 1] = secretParameters;
    }

    /**
     * Which parameters of the statement the thread parsed under that name bind a secret; for a name
     * it has not seen parsed (before the agent started, or past the last few), those of the
     * statement it logged last, which an ORM logs before binding it.
     */
    static long named(int nameHash) {
        long[] secrets = SECRETS.get();
        int slot = slotOf(secrets, nameHash);
        return slot < 0 ? secrets[PARAMETERS] : secrets[slot + 1];
    }

    private static int slotOf(long[] secrets, int nameHash) {
        for (int slot = NEXT_NAME + 1; slot < secrets.length; slot += 2) {
            if (secrets[slot] == nameHash && (secrets[slot] != 0 || secrets[slot + 1] != 0)) {
                return slot;
            }
        }
        return -1;
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
