package dev.primus.agent.audit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes events to the process's standard output or standard error. Goes to the file
 * descriptor itself, not {@code System.out}, so an app that replaced or buffers
 * {@code System.out} neither sees our lines in its stream nor splits them; each batch is one
 * {@code write} call.
 */
final class StdStreamSink implements AuditSink {
    private final String name;
    private final FileOutputStream out;
    private final StringBuilder batch = new StringBuilder(4096);

    private StdStreamSink(String name, FileDescriptor descriptor) {
        this.name = name;
        this.out = new FileOutputStream(descriptor);
    }

    static StdStreamSink stdout() {
        return new StdStreamSink("stdout", FileDescriptor.out);
    }

    static StdStreamSink stderr() {
        return new StdStreamSink("stderr", FileDescriptor.err);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(List<String> openLines, long firstSeq) throws IOException {
        batch.setLength(0);
        for (String line : openLines) {
            batch.append(line).append("}\n");
        }
        out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        // The standard streams belong to the process, not to us.
    }
}
