package dev.primus.benchmarks.overhead;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latency at a fixed rate, open model: request i is due at {@code start + i / rate}, whatever
 * the app did with the ones before, and its latency runs from that intended time, not from when
 * it was actually sent. A closed loop, or a sender that waits, leaves out exactly the requests
 * that would have met a stalled app (coordinated omission); timing from the schedule puts them
 * back in, so a one-second stall shows in p90 and not only in max.
 *
 * <p>Keeping the generator honest: one pacing thread parks until each request is due and hands
 * it to the client, whose send returns at once, so sending costs microseconds; at most
 * {@code maxInFlight} requests are outstanding, so that a stall does not pile them up without
 * end (the keepalive client queues them behind its connections; the JDK's opens one per request). A request sent more than {@link #LATE_NANOS} after it was due is counted as late, with
 * the worst lag: a phase with many late sends says the generator, or its CPU, could not keep the
 * schedule. Its latencies are still timed from the schedule, so they are not flattered by it.
 */
final class ConstantRateLoad {
    /** Late by more than this is the generator's failing, not a scheduler's jitter. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Latencies in microseconds; {@code late} and {@code maxLagMicros} are the generator's own account. */
    record Result(Histogram latencyMicros, long sent, long failed, long late, long maxLagMicros, long unanswered) {
    }

    private final Requester requester;
    private final int maxInFlight;

    ConstantRateLoad(Requester requester, int maxInFlight) {
        this.requester = requester;
        this.maxInFlight = maxInFlight;
    }

    Result run(double perSecond, Duration duration) throws InterruptedException {
        int total = (int) Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        // Auto-resizing, three significant digits: one histogram takes any latency a stall makes.
        Histogram latencies = new ConcurrentHistogram(3);
        Semaphore inFlight = new Semaphore(maxInFlight);
        CountDownLatch answered = new CountDownLatch(total);
        AtomicLong failed = new AtomicLong();
        long late = 0;
        long maxLag = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        latencies.setStartTimeStamp(System.currentTimeMillis());
        for (int i = 0; i < total; i++) {
            // From i, not by adding an interval to the last send: rounding does not drift the rate.
            long due = start + (long) (i * 1e9 / perSecond);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            long lag = System.nanoTime() - due;
            if (lag > LATE_NANOS) {
                late++;
            }
            maxLag = Math.max(maxLag, lag);
            CompletableFuture<Boolean> answer;
            try {
                answer = requester.send();
            } catch (RuntimeException e) {
                answer = CompletableFuture.completedFuture(false);
            }
            answer.thenAccept(success -> {
                latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                if (!success) {
                    failed.incrementAndGet();
                }
                inFlight.release();
                answered.countDown();
            });
        }
        answered.await(30, TimeUnit.SECONDS);
        latencies.setEndTimeStamp(System.currentTimeMillis());
        return new Result(latencies, total, failed.get(), late, Math.max(0, maxLag / 1000), answered.getCount());
    }
}
