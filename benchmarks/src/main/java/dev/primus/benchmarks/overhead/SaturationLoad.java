package dev.primus.benchmarks.overhead;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput at saturation: a closed loop of {@code connections} requests in flight, each
 * answer sending the next, for a fixed time; counts the 2xx answers per second. A closed loop
 * measures capacity, not latency: it waits for a slow server, so its latencies would hide
 * stalls ({@link ConstantRateLoad} measures those).
 */
final class SaturationLoad {
    record Result(double okPerSecond, long ok, long failed) {
    }

    private final Requester requester;
    private final int connections;

    SaturationLoad(Requester requester, int connections) {
        this.requester = requester;
        this.connections = connections;
    }

    Result run(Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch loopsDone = new CountDownLatch(connections);
        for (int loop = 0; loop < connections; loop++) {
            next(deadline, ok, failed, loopsDone);
        }
        // Requests in flight at the deadline are not counted, but are waited for, so that the
        // next phase starts on a quiet app.
        loopsDone.await(duration.toSeconds() + 30, TimeUnit.SECONDS);
        double seconds = duration.toNanos() / 1e9;
        return new Result(ok.get() / seconds, ok.get(), failed.get());
    }

    /** One loop: sends while the phase lasts; an answer that comes later carries the loop on. */
    private void next(long deadline, AtomicLong ok, AtomicLong failed, CountDownLatch loopsDone) {
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> answer = requester.send();
            if (!answer.isDone()) {
                answer.thenAccept(success -> {
                    count(success, deadline, ok, failed);
                    next(deadline, ok, failed, loopsDone);
                });
                return;
            }
            // Answered at once (an app that refuses connections does): go round here rather than
            // recurse, which would grow the stack by a frame per request.
            count(answer.join(), deadline, ok, failed);
        }
        loopsDone.countDown();
    }

    private static void count(boolean success, long deadline, AtomicLong ok, AtomicLong failed) {
        if (System.nanoTime() < deadline) {
            (success ? ok : failed).incrementAndGet();
        }
    }
}
