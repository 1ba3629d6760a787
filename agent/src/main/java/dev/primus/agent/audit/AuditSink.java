package dev.primus.agent.audit;

import java.io.IOException;
import java.util.List;

/** Where encoded events go. Called by the writer thread only, so a sink needs no locking. */
interface AuditSink {
    /** How logs and the start-up line name the sink. */
    String name();

    /**
     * Writes a batch of lines. Each line is an event's JSON without its closing brace, so a sink
     * that chains hashes can add its fields; the sink closes the object and ends the line.
     */
    void write(List<String> openLines) throws IOException;

    void close() throws IOException;
}
