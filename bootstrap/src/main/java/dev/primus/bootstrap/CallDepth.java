package dev.primus.bootstrap;

/**
 * Per-thread nesting depth of a guard, so that only the outermost hook of a call decides.
 *
 * <p>A JDK HttpClient request that ends in {@code SocketChannel.connect} is judged once, by the
 * hook that knows the URL; the socket hook below it sees a depth above zero and steps aside.
 * One {@code int} slot per guard in a thread-local array keeps enter and exit allocation-free.
 */
public final class CallDepth {
    public static final int EGRESS = 0;
    public static final int LOGGING = 1;
    public static final int AUTH = 2;
    /** Agent code running on this thread inside a gate: what it does itself is never judged again. */
    public static final int GATE = 3;
    private static final int SLOTS = 4;

    private static final ThreadLocal<int[]> DEPTHS = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[SLOTS];
        }
    };

    private CallDepth() {
    }

    /** Enters the guard and returns the depth before entering: 0 means this is the outermost call. */
    public static int enter(int guard) {
        int[] depths = DEPTHS.get();
        return depths[guard]++;
    }

    /** Leaves the guard; pairs with every {@link #enter}, whatever the call's outcome. */
    public static void exit(int guard) {
        int[] depths = DEPTHS.get();
        if (depths[guard] > 0) {
            depths[guard]--;
        }
    }

    /** The current depth, without changing it. */
    public static int depth(int guard) {
        return DEPTHS.get()[guard];
    }
}
