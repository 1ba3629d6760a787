package dev.primus.agent.audit;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events a remote sink holds until its server has acknowledged them: a bounded FIFO between
 * the audit writer (which adds, and never waits) and the sink's own sender thread (which reads
 * from the head and removes only what was acknowledged, so an unacknowledged event is sent again).
 * When full, the newest events are dropped and counted: the writer, and so the app, never waits
 * for a server that is away.
 */
public final class SinkBuffer {
    private final long[] seqs;
    private final String[] lines;
    private int head;
    private int size;
    private long dropped;
    private final AtomicLong droppedSinceStart = new AtomicLong();

    public SinkBuffer(int capacity) {
        this.seqs = new long[capacity];
        this.lines = new String[capacity];
    }

    /** Adds a closed line with its {@code seq}; false, and counted, when the buffer is full. */
    public synchronized boolean offer(long seq, String line) {
        if (size == lines.length) {
            dropped++;
            droppedSinceStart.incrementAndGet();
            return false;
        }
        int at = (head + size) % lines.length;
        seqs[at] = seq;
        lines[at] = line;
        size++;
        notifyAll();
        return true;
    }

    /**
     * Copies up to {@code max} events from the head into {@code seqsOut} and {@code linesOut}
     * (cleared first), waiting up to {@code timeoutMillis} for the first; they stay buffered.
     */
    public synchronized int peek(int max, long[] seqsOut, List<String> linesOut, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (size == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        linesOut.clear();
        int n = Math.min(Math.min(max, size), seqsOut.length);
        for (int i = 0; i < n; i++) {
            int at = (head + i) % lines.length;
            seqsOut[i] = seqs[at];
            linesOut.add(lines[at]);
        }
        return n;
    }

    /** Removes the {@code count} events at the head: the server has them. */
    public synchronized void remove(int count) {
        for (int i = 0; i < count && size > 0; i++) {
            lines[head] = null;
            head = (head + 1) % lines.length;
            size--;
        }
    }

    public synchronized int size() {
        return size;
    }

    /** Events dropped since the last call. */
    public synchronized long takeDropped() {
        long taken = dropped;
        dropped = 0;
        return taken;
    }

    public long droppedSinceStart() {
        return droppedSinceStart.get();
    }
}
