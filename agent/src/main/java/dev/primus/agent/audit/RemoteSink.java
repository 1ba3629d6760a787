package dev.primus.agent.audit;

import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.PrimusLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every sink that sends over the network shares: the audit writer only adds closed lines to
 * a bounded {@link SinkBuffer}; the sink's own thread, started by the first batch (never in
 * premain), hands the events at the buffer's head to {@link #deliver} and removes those the
 * server took. A failure backs off (250 ms doubling to {@link #MAX_BACKOFF_MILLIS}, or what the
 * server asked for) and the same events are sent again, so nothing the server did not take is
 * lost while the buffer has room. Events the buffer had no room for, and those a server refused
 * for good, are counted and reported as an {@code audit} event each minute and at shutdown.
 */
public abstract class RemoteSink implements AuditSink, AuditPipeline.Report {
    static final long MAX_BACKOFF_MILLIS = 30_000;
    /** How long a shutdown waits for the server to take what is buffered. */
    static final long DRAIN_MILLIS = 3_000;

    /** Thrown by {@link #deliver} when the server asked to be called again later, no sooner than this. */
    protected static final class RetryLater extends Exception {
        private static final long serialVersionUID = 1L;
        final long millis;

        public RetryLater(String why, long millis) {
            super(why);
            this.millis = millis;
        }
    }

    private final String name;
    private final SinkBuffer buffer;
    private final ThreadFactory threads;
    private final AtomicLong refused = new AtomicLong();
    private Thread sender;
    private volatile boolean stopping;
    private volatile long drainDeadline;
    /** Why events could not be delivered lately, for the reports; null while all is well. */
    private volatile String lastFailure;
    private volatile String lastRefusal;

    protected RemoteSink(String name, int bufferSize, ThreadFactory threads) {
        this.name = name;
        this.buffer = new SinkBuffer(bufferSize);
        this.threads = threads;
    }

    /** Events taken from the head per {@link #deliver} at most. */
    protected abstract int window();

    /** How long a first event waits for more before a smaller window is sent; 0: at once. */
    protected long lingerMillis() {
        return 0;
    }

    /**
     * Sends events {@code 0 .. n-1} of {@code seqs} and {@code lines}, on the sink's thread, and
     * says how many, from the first, the server has taken; the rest are sent again. Throws to back
     * off first. {@code deadline} (a nanoTime) bounds the wait for answers.
     */
    protected abstract int deliver(long[] seqs, List<String> lines, int n, long deadline) throws Exception;

    /** Closes what {@link #deliver} opened; called on the sink's thread as it ends. */
    protected void disconnect() {
    }

    /** The server refused {@code count} events for good (a 4xx): they are dropped and reported. */
    protected final void refused(int count, String why) {
        refused.addAndGet(count);
        lastRefusal = why;
        PrimusLog.warn("audit sink " + name + ": " + why + "; " + count + " event" + (count == 1 ? "" : "s") + " dropped");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void write(List<String> openLines, long firstSeq) {
        if (sender == null) {
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

    /** Gives the server up to {@link #DRAIN_MILLIS} to take what is buffered, then says what was left. */
    @Override
    public final void close() {
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
        long left = buffer.size();
        String spilledTo = buffer.spilledTo();
        buffer.close();
        if (left > 0) {
            PrimusLog.warn("audit sink " + name + ": " + left + " event" + (left == 1 ? "" : "s")
                    + " not delivered at shutdown" + (lastFailure == null ? "" : " (" + lastFailure + ")")
                    + (spilledTo == null ? "" : "; those spilled stay in " + spilledTo + ", kept aside at the next start"));
        }
    }

    /** Events past the memory buffer go to a file at {@code path} of at most {@code maxBytes}, before the sink starts. */
    final void spillTo(String path, long maxBytes) {
        buffer.spillTo(SpillFile.open(path, maxBytes, name));
    }

    @Override
    public final boolean remote() {
        return true;
    }

    @Override
    public final long closeMillis() {
        return DRAIN_MILLIS + 500;
    }

    /** What was dropped since the last report, as {@code audit} events; none when nothing was. */
    @Override
    public final List<AuditEvent> collect() {
        List<AuditEvent> events = new ArrayList<AuditEvent>(2);
        long dropped = buffer.takeDropped();
        if (dropped > 0) {
            String why = lastFailure;
            events.add(dropReport(dropped, "its buffer was full" + (why == null ? "" : " while " + why)));
        }
        long refusedNow = refused.getAndSet(0);
        if (refusedNow > 0) {
            events.add(dropReport(refusedNow, lastRefusal));
        }
        return events.isEmpty() ? Collections.<AuditEvent>emptyList() : events;
    }

    private AuditEvent dropReport(long count, String why) {
        return AuditEvent.of("audit", "error")
                .rule("audit.sinks")
                .reason("dropped " + count + " event" + (count == 1 ? "" : "s") + " for " + name + ": " + why)
                .detail("dropped", Long.toString(count))
                .detail("sink", name)
                .build();
    }

    /** Events waiting in the buffer for the server. */
    public final long buffered() {
        return buffer.size();
    }

    /** Events dropped because the buffer was full, since start. */
    public final long droppedSinceStart() {
        return buffer.droppedSinceStart();
    }

    private void send() {
        int window = window();
        long[] seqs = new long[window];
        List<String> lines = new ArrayList<String>(window);
        long backoff = 0;
        try {
            while (!stopping || buffer.size() > 0 && System.nanoTime() < drainDeadline) {
                try {
                    int n = buffer.peek(window, seqs, lines, 100);
                    if (n == 0) {
                        continue;
                    }
                    if (n < window && lingerMillis() > 0 && !stopping) {
                        linger(window);
                        n = buffer.peek(window, seqs, lines, 0);
                    }
                    long deadline = stopping ? drainDeadline : Long.MAX_VALUE;
                    int taken = deliver(seqs, lines, n, deadline);
                    buffer.remove(taken);
                    if (taken < n) {
                        throw new java.util.concurrent.TimeoutException("the server did not take event seq " + seqs[taken]);
                    }
                    if (lastFailure != null) {
                        PrimusLog.info("audit sink " + name + " delivers again; " + buffer.size() + " events still buffered");
                        lastFailure = null;
                    }
                    backoff = 0;
                } catch (InterruptedException e) {
                    // The agent stops this thread by its flag, never by an interrupt: code in the app sent it.
                    AgentFailures.record("audit sink " + name + " interrupted by code in the app; it goes on", e);
                } catch (RetryLater later) {
                    failed(later);
                    backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(later.millis, backoff == 0 ? 250 : backoff * 2));
                    sleepUnlessStopping(backoff);
                } catch (Exception failure) {
                    failed(failure);
                    backoff = backoff == 0 ? 250 : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                    sleepUnlessStopping(backoff);
                }
            }
        } catch (Throwable unexpected) {
            AgentFailures.record("audit sink " + name, unexpected);
        } finally {
            disconnect();
        }
    }

    /** Waits until a full window is buffered, {@link #lingerMillis} pass, or shutdown begins. */
    private void linger(int window) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lingerMillis());
        while (buffer.size() < window && System.nanoTime() < until && !stopping) {
            pause(5);
        }
    }

    /** A pause no interrupt ends: only code in the app interrupts this thread. */
    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            AgentFailures.record("audit sink " + name + " interrupted by code in the app; it goes on", e);
        }
    }

    /** Says once per outage why events wait; never a credential. */
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

    private void sleepUnlessStopping(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until && !(stopping && System.nanoTime() >= drainDeadline)) {
            pause(Math.min(50, millis));
        }
    }
}
