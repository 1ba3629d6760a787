package dev.primus.agent.audit;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events a remote sink holds until its server has acknowledged them: a bounded FIFO between
 * the audit writer (which adds, and never waits) and the sink's own sender thread (which reads
 * from the head and removes only what was acknowledged, so an unacknowledged event is sent again).
 * When full, the newest events go to the sink's {@link SpillFile}, if it has one, and come back
 * in order as the memory empties; when that is full too (or there is none), they are dropped and
 * counted: the writer, and so the app, never waits for a server that is away.
 */
public final class SinkBuffer {
    private final long[] seqs;
    private final String[] lines;
    private int head;
    private int size;
    private long dropped;
    private final AtomicLong droppedSinceStart = new AtomicLong();
    /** Holds what memory cannot, once it is full, in order after it; null without one. */
    private SpillFile spill;
    private final SpillFile.Taker refill = new SpillFile.Taker() {
        @Override
        public void take(long seq, String line) {
            add(seq, line);
        }
    };

    public SinkBuffer(int capacity) {
        this.seqs = new long[capacity];
        this.lines = new String[capacity];
    }

    /** Events past the memory buffer go to {@code file} (null: none), while it has room. */
    synchronized void spillTo(SpillFile file) {
        this.spill = file;
    }

    /** Adds a closed line with its {@code seq}; false, and counted, when the buffer and its spill file are full. */
    public synchronized boolean offer(long seq, String line) {
        // Once anything is spilled, what follows is spilled too, so that events leave in the order they came.
        boolean spilling = spill != null && (size == lines.length || !spill.isEmpty());
        if (spilling ? !spill.append(seq, line) : size == lines.length) {
            dropped++;
            droppedSinceStart.incrementAndGet();
            return false;
        }
        if (!spilling) {
            add(seq, line);
        }
        notifyAll();
        return true;
    }

    private void add(long seq, String line) {
        int at = (head + size) % lines.length;
        seqs[at] = seq;
        lines[at] = line;
        size++;
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

    /** Removes the {@code count} events at the head: the server has them. Spilled events take their place. */
    public synchronized void remove(int count) {
        for (int i = 0; i < count && size > 0; i++) {
            lines[head] = null;
            head = (head + 1) % lines.length;
            size--;
        }
        if (spill == null) {
            return;
        }
        long spilled = spill.records();
        try {
            while (size < lines.length && spill.takeOldest(refill)) {
                // Moved into memory, in the order spilled.
            }
        } catch (java.io.IOException unreadable) {
            dropped += spilled;
            droppedSinceStart.addAndGet(spilled);
        }
    }

    /** Events held, in memory and spilled. */
    public synchronized long size() {
        return size + (spill == null ? 0 : spill.records());
    }

    /** The spill file, when events wait in it; null otherwise. */
    synchronized String spilledTo() {
        return spill == null || spill.isEmpty() ? null : spill.path();
    }

    /** Closes the spill file, leaving in it what was not delivered. */
    synchronized void close() {
        if (spill != null) {
            spill.close();
        }
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
