package dev.primus.benchmarks.overhead;

import java.util.concurrent.CompletableFuture;

/** Sends one request without waiting for it; the future tells whether the answer was a 2xx. */
@FunctionalInterface
interface Requester {
    /** Never completes exceptionally: a failure to connect or a timeout is a {@code false}. */
    CompletableFuture<Boolean> send();
}
