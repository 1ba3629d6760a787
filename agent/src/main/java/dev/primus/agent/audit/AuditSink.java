package dev.primus.agent.audit;

import java.io.IOException;
import java.util.List;

/** Where encoded events go. Called by the writer thread only, so a sink needs no locking. */
public interface AuditSink {
    /** How logs and the start-up line name the sink. */
    String name();

    /**
     * Writes a batch of lines. Each line is an event's JSON without its closing brace, so a sink
     * that chains hashes can add its fields; the sink closes the object and ends the line. The
     * lines carry consecutive {@code seq} values from {@code firstSeq}, which a remote sink turns
     * into message ids.
     */
    void write(List<String> openLines, long firstSeq) throws IOException;

    void close() throws IOException;

    /**
     * Why this sink cannot take events right now, checked at start-up for {@code on_failure}
     * (a file that cannot be opened for appending); null when it can, and for a remote sink,
     * which is never waited for.
     */
    default String unwritable() {
        return null;
    }

    /** A sink that sends events off this host: where a file's chain heads are worth sending. */
    default boolean remote() {
        return false;
    }

    /** An event naming this sink's chain head, when one is due (or any, with {@code now}); null if none. */
    default AuditEvent chainHead(boolean now) {
        return null;
    }

    /** How long {@link #close} may take at most: a remote sink gives its server a bounded time to take what it holds. */
    default long closeMillis() {
        return 0;
    }
}
