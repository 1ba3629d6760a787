package dev.primus.benchmarks.overhead;

import java.util.concurrent.CompletableFuture;

/**
 * Sends the next request of the mix without waiting for it; the future tells whether the answer
 * was a 2xx. The requester itself tallies each answer's status by request ({@link AnswerTally}).
 */
@FunctionalInterface
interface Requester extends AutoCloseable {
    /** Never completes exceptionally: a failure to connect or a timeout is a {@code false}. */
    CompletableFuture<Boolean> send();

    /** Ends the requester's threads and connections; the app it loads is about to stop. */
    @Override
    default void close() {
    }
}
