package dev.primus.agent.audit.nats;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.audit.AuditSink;
import dev.primus.agent.audit.SinkBuffer;
import dev.primus.agent.egress.AgentConnections;
import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import dev.primus.config.NatsSinkConfig;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes each audit event as one JetStream message, with acknowledgements, to a stream the
 * operator owns. The audit writer only adds events to a bounded {@link SinkBuffer}; the sink's
 * own thread, {@code primus-audit-nats}, connects (never in premain), publishes a window of events
 * at a time and removes from the buffer only what JetStream acknowledged. On a failure it waits,
 * backing off up to {@link #MAX_BACKOFF_MILLIS}, and sends again from the first unacknowledged
 * event: each message's id is a random id of this agent start and the event's {@code seq}
 * ({@code Nats-Msg-Id}), so JetStream drops a resend within its duplicate window. A full buffer
 * drops the newest events and counts them: an {@code audit} event reports the count.
 */
public final class NatsSink implements AuditSink, AuditPipeline.Report {
    /** Events published before their acknowledgements are awaited. */
    static final int WINDOW = 256;
    static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final long ACK_TIMEOUT_MILLIS = 5_000;
    /** How long a shutdown waits for the server to take what is buffered. */
    static final long DRAIN_MILLIS = 3_000;

    private final String name;
    private final String subject;
    private final NatsConnector connector;
    private final SinkBuffer buffer;
    private final ThreadFactory threads;
    private Thread sender;
    private volatile boolean stopping;
    private volatile long drainDeadline;
    /** Why events could not be delivered lately, for the drop report; null while all is well. */
    private volatile String lastFailure;

    NatsSink(String name, String subject, NatsConnector connector, int bufferSize, ThreadFactory threads) {
        this.name = name;
        this.subject = subject;
        this.connector = connector;
        this.buffer = new SinkBuffer(bufferSize);
        this.threads = threads;
    }

    /** A sink for {@code url} (one or more servers, comma-separated) and {@code subject}; nothing connects yet. */
    public static NatsSink create(String url, String subject, NatsSinkConfig settings) {
        NatsConnector connector = NatsConnector.of(url, subject, settings);
        String name = "nats:" + connector.describe() + "/" + subject;
        return new NatsSink(name, subject, connector, settings.buffer(),
                AgentConnections.threads("primus-audit-nats", connector.endpoints()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(List<String> openLines, long firstSeq) {
        if (sender == null) {
            // Started by the first batch, on the audit writer's thread: never in premain.
            sender = threads.newThread(new Runnable() {
                @Override
                public void run() {
                    send();
                }
            });
            sender.start();
        }
        for (int i = 0; i < openLines.size(); i++) {
            buffer.offer(firstSeq + i, openLines.get(i) + "}");
        }
    }

    /** Gives the server up to {@link #DRAIN_MILLIS} to take what is buffered, then closes the connection. */
    @Override
    public void close() {
        drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        stopping = true;
        if (sender == null) {
            return;
        }
        try {
            sender.join(closeMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = buffer.size();
        if (left > 0) {
            PrimusLog.warn("audit sink " + name + ": " + left + " event" + (left == 1 ? "" : "s")
                    + " not delivered at shutdown" + (lastFailure == null ? "" : " (" + lastFailure + ")"));
        }
    }

    @Override
    public long closeMillis() {
        return DRAIN_MILLIS + 500;
    }

    /** The drops since the last report, as an {@code audit} event; none when nothing was dropped. */
    @Override
    public List<AuditEvent> collect() {
        long dropped = buffer.takeDropped();
        if (dropped == 0) {
            return Collections.emptyList();
        }
        String why = lastFailure;
        return Collections.singletonList(AuditEvent.of("audit", "error")
                .rule("audit.sinks")
                .reason("dropped " + dropped + " event" + (dropped == 1 ? "" : "s") + " for " + name
                        + ": its buffer was full" + (why == null ? "" : " while " + why))
                .detail("dropped", Long.toString(dropped))
                .detail("sink", name)
                .build());
    }

    /** Events dropped because the buffer was full, since start. */
    public long droppedSinceStart() {
        return buffer.droppedSinceStart();
    }

    private void send() {
        String producer = producerId();
        long[] seqs = new long[WINDOW];
        List<String> lines = new ArrayList<String>(WINDOW);
        List<CompletableFuture<PublishAck>> acks = new ArrayList<CompletableFuture<PublishAck>>(WINDOW);
        long backoff = 0;
        Connection connection = null;
        try {
            while (!stopping || buffer.size() > 0 && System.nanoTime() < drainDeadline) {
                try {
                    if (connection == null) {
                        connection = connector.connect(threads);
                    }
                    JetStream jetStream = connection.jetStream();
                    int n = buffer.peek(WINDOW, seqs, lines, 100);
                    acks.clear();
                    for (int i = 0; i < n; i++) {
                        acks.add(jetStream.publishAsync(subject, lines.get(i).getBytes(StandardCharsets.UTF_8),
                                PublishOptions.builder().messageId(producer + "-" + seqs[i]).build()));
                    }
                    int acked = awaitAcks(acks, stopping ? drainDeadline : Long.MAX_VALUE);
                    buffer.remove(acked);
                    if (acked < n) {
                        throw new TimeoutException("JetStream did not acknowledge event seq " + seqs[acked]);
                    }
                    if (lastFailure != null && n > 0) {
                        PrimusLog.info("audit sink " + name + " delivers again; " + buffer.size() + " events still buffered");
                        lastFailure = null;
                    }
                    backoff = 0;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception failure) {
                    backoff = backoff == 0 ? 250 : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                    failed(failure);
                    if (connection != null && connection.getStatus() == Connection.Status.CLOSED) {
                        connection = null;
                    }
                    sleepUnlessStopping(backoff);
                }
            }
        } catch (Throwable unexpected) {
            AgentFailures.record("audit sink " + name, unexpected);
        } finally {
            connector.close(connection);
        }
    }

    /**
     * How many of the futures, from the first, completed with an acknowledgement within
     * {@link #ACK_TIMEOUT_MILLIS}, and before {@code drainDeadline} (a nanoTime) at shutdown;
     * stops at the first that did not.
     */
    private static int awaitAcks(List<CompletableFuture<PublishAck>> acks, long drainDeadline) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MILLIS);
        if (drainDeadline - deadline < 0) {
            deadline = drainDeadline;
        }
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

    /** Says once per outage why events wait, never the credentials. */
    private void failed(Exception failure) {
        String why = describe(failure);
        if (lastFailure == null) {
            PrimusLog.warn("audit sink " + name + " cannot deliver (" + why + "); events wait in its buffer ("
                    + buffer.size() + " now) and are sent again when the server takes them");
        }
        lastFailure = why;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void sleepUnlessStopping(long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until && !(stopping && System.nanoTime() >= drainDeadline)) {
            Thread.sleep(Math.min(50, millis));
        }
    }

    /** A random id for this agent start: PID 1 in every container, and seq restarts with the JVM. */
    private static String producerId() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        StringBuilder hex = new StringBuilder(16);
        for (byte b : random) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
