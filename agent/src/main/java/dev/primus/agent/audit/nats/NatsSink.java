package dev.primus.agent.audit.nats;

import dev.primus.agent.audit.ProcessIdentity;
import dev.primus.agent.audit.RemoteSink;
import dev.primus.agent.egress.AgentConnections;
import dev.primus.config.NatsSinkConfig;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes each audit event as one JetStream message, with acknowledgements, to a stream the
 * operator owns: a window of events at a time, each with {@code Nats-Msg-Id} = a random id of
 * this agent start and the event's {@code seq}, so JetStream drops a resend within its duplicate
 * window (PID 1 in every container, and seq restarts with the JVM: neither alone is unique).
 * Buffering, retries and drop reports are {@link RemoteSink}'s.
 */
public final class NatsSink extends RemoteSink {
    /** Events published before their acknowledgements are awaited. */
    static final int WINDOW = 256;
    private static final long ACK_TIMEOUT_MILLIS = 5_000;

    private final String subject;
    private final NatsConnector connector;
    private final ThreadFactory threads;
    private final List<CompletableFuture<PublishAck>> acks = new ArrayList<CompletableFuture<PublishAck>>(WINDOW);
    private Connection connection;

    private NatsSink(String name, String subject, NatsConnector connector, int bufferSize, ThreadFactory threads) {
        super(name, bufferSize, threads);
        this.subject = subject;
        this.connector = connector;
        this.threads = threads;
    }

    /** A sink for {@code url} (one or more servers, comma-separated) and {@code subject}; nothing connects yet. */
    public static NatsSink create(String url, String subject, NatsSinkConfig settings) {
        NatsConnector connector = NatsConnector.of(url, subject, settings);
        return new NatsSink("nats:" + connector.describe() + "/" + subject, subject, connector, settings.buffer(),
                AgentConnections.threads("primus-audit-nats", connector.endpoints()));
    }

    @Override
    protected int window() {
        return WINDOW;
    }

    @Override
    protected int deliver(long[] seqs, List<String> lines, int n, long deadline) throws Exception {
        if (connection == null) {
            connection = connector.connect(threads);
        }
        JetStream jetStream = connection.jetStream();
        acks.clear();
        try {
            for (int i = 0; i < n; i++) {
                acks.add(jetStream.publishAsync(subject, lines.get(i).getBytes(StandardCharsets.UTF_8),
                        PublishOptions.builder().messageId(ProcessIdentity.startId() + "-" + seqs[i]).build()));
            }
        } catch (RuntimeException closed) {
            dropClosedConnection();
            throw closed;
        }
        return awaitAcks(Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MILLIS)));
    }

    /** How many publishes, from the first, JetStream acknowledged before {@code deadline}; stops at the first that was not. */
    private int awaitAcks(long deadline) throws InterruptedException {
        int acked = 0;
        for (CompletableFuture<PublishAck> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked++;
            } catch (ExecutionException | TimeoutException failure) {
                break;
            }
        }
        return acked;
    }

    /** jnats reconnects by itself; only a closed connection is opened again. */
    private void dropClosedConnection() {
        if (connection != null && connection.getStatus() == Connection.Status.CLOSED) {
            connector.close(connection);
            connection = null;
        }
    }

    @Override
    protected void disconnect() {
        connector.close(connection);
        connection = null;
    }
}
