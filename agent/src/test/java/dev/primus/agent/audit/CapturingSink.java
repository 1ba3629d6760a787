package dev.primus.agent.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sink that keeps every line it is given, for tests. */
final class CapturingSink implements AuditSink {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    volatile boolean closed;
    volatile long delayPerBatchMillis;

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public void write(List<String> openLines, long firstSeq) throws java.io.IOException {
        if (delayPerBatchMillis > 0) {
            try {
                Thread.sleep(delayPerBatchMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String line : openLines) {
            lines.add(line + "}");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
