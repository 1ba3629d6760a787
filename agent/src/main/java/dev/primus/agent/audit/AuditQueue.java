package dev.primus.agent.audit;

import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;

/**
 * Where app threads leave events for the writer. Bounded, lock-free, never blocks: an event
 * that finds the queue full is dropped and counted, and the writer reports the count.
 *
 * <p>The atomic-field flavour of JCTools' MPSC queue, not the {@code sun.misc.Unsafe} one:
 * JDK 24+ warns on stderr at the first {@code Unsafe} memory access, and a host's stderr is not
 * ours to write warnings into.
 */
public final class AuditQueue {
    private final MpscAtomicArrayQueue<AuditEvent> queue;
    // Touched only when the queue is full, so contention here is the exception.
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceStart = new AtomicLong();

    public AuditQueue(int capacity) {
        this.queue = new MpscAtomicArrayQueue<AuditEvent>(capacity);
    }

    /** Offers an event from any thread; false (and counted) when the queue is full. */
    public boolean offer(AuditEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped.incrementAndGet();
        droppedSinceStart.incrementAndGet();
        return false;
    }

    /** Every event dropped since the queue was made, for {@code status}. */
    long droppedSinceStart() {
        return droppedSinceStart.get();
    }

    /** Moves up to {@code limit} events to {@code consumer}; the writer thread only. */
    int drain(MessagePassingQueue.Consumer<AuditEvent> consumer, int limit) {
        return queue.drain(consumer, limit);
    }

    /** Whether no event waits: the writer's look before it sleeps until woken. */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Events waiting, as far as a thread other than the writer can tell. */
    int size() {
        return queue.size();
    }

    /** The events dropped since the last call, resetting the count. */
    long takeDropped() {
        return dropped.get() == 0 ? 0 : dropped.getAndSet(0);
    }
}
