package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default load generator's client: plain sockets, HTTP/1.1 keep-alive, each request encoded
 * once and written as bytes, each answer parsed in place ({@link ResponseReader}). The JDK's
 * HttpClient spends tens of microseconds of CPU a request on its selector and executor hand-offs,
 * which on one CPU caps it near the app's own rate; this costs a few syscalls.
 *
 * <p>{@link #send()} never blocks its caller (the open model's pacing thread must keep its
 * schedule): it queues the request and returns. Worker threads, each owning one connection per
 * origin, take requests from the queue, so a connection is used by one thread at a time. A
 * worker is started only when the requests in flight outnumber the workers, up to
 * {@code maxConnections} ({@code --connections}): the pool grows to the concurrency the load
 * reaches and stops there. Requests due while every connection is busy wait in the queue, and
 * the open model times them from when they were due, as wrk2 does with its fixed connections.
 * A connection per waiting request would be worse than a wait: during a stall of the app it is
 * a storm of connects that overflows the app's listen backlog, and each dropped SYN is retried
 * a second later, a one-second latency of the generator's making.
 *
 * <p>A connection is replaced when the server answers {@code Connection: close} (Tomcat does every
 * 100 requests by default), drops it, or fails an exchange. A request that meets a connection the
 * server closed while it sat idle, before any byte of the answer, is sent once more on a new one.
 */
final class KeepAliveRequester implements Requester {
    /** An answer later than this counts as no answer; its latency, up to here, is still recorded by the load. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Workers keep only a connection and a 16 KB buffer: a small stack is plenty. */
    private static final long WORKER_STACK_BYTES = 256 * 1024;

    /** A queued request: its future, and which request of the mix it is. */
    private static final class Pending extends CompletableFuture<Boolean> {
        final int request;

        Pending(int request) {
            this.request = request;
        }
    }

    private final byte[][] encoded;
    private final boolean[] head;
    private final int[] originOf;
    private final InetSocketAddress[] origins;
    private final AnswerTally tally;
    private final int maxConnections;
    private final long requestTimeoutNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong next = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger workers = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Set<KeepAliveConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code maxConnections}: the most connections, and threads, it opens; requests beyond wait in its queue. */
    KeepAliveRequester(List<LoadRequest> requests, AnswerTally tally, int maxConnections) {
        this(requests, tally, maxConnections, REQUEST_TIMEOUT);
    }

    /** {@code requestTimeout}: from taking a request off the queue to the end of its answer. */
    KeepAliveRequester(List<LoadRequest> requests, AnswerTally tally, int maxConnections, Duration requestTimeout) {
        this.requestTimeoutNanos = requestTimeout.toNanos();
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no requests to send");
        }
        this.tally = tally;
        this.maxConnections = maxConnections;
        this.encoded = new byte[requests.size()][];
        this.head = new boolean[requests.size()];
        this.originOf = new int[requests.size()];
        List<String> originNames = new ArrayList<>();
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            LoadRequest request = requests.get(i);
            URI url = request.url();
            if (!"http".equalsIgnoreCase(url.getScheme())) {
                throw new IllegalArgumentException(request.source() + ": " + url + ": the keepalive client speaks plain"
                        + " HTTP only; use --client jdk for https");
            }
            String origin = url.getHost() + ":" + port(url);
            if (!originNames.contains(origin)) {
                originNames.add(origin);
                // Resolved once: a name lookup per connection would be the generator's cost, not the app's.
                addresses.add(new InetSocketAddress(url.getHost(), port(url)));
            }
            encoded[i] = request.http11();
            head[i] = request.isHead();
            originOf[i] = originNames.indexOf(origin);
        }
        this.origins = addresses.toArray(new InetSocketAddress[0]);
    }

    private static int port(URI url) {
        return url.getPort() == -1 ? 80 : url.getPort();
    }

    @Override
    public CompletableFuture<Boolean> send() {
        int request = (int) (next.getAndIncrement() % encoded.length);
        Pending pending = new Pending(request);
        if (closed) {
            tally.unanswered(request, "the client was closed");
            pending.complete(false);
            return pending;
        }
        int outstanding = inFlight.incrementAndGet();
        queue.add(pending);
        for (int running = workers.get(); running < maxConnections && outstanding > running; running = workers.get()) {
            if (workers.compareAndSet(running, running + 1)) {
                startWorker(running + 1);
                break;
            }
        }
        return pending;
    }

    private void startWorker(int number) {
        Thread worker = new Thread(null, this::work, "load-connection-" + number, WORKER_STACK_BYTES);
        worker.setDaemon(true);
        threads.add(worker);
        worker.start();
    }

    private void work() {
        KeepAliveConnection[] connections = new KeepAliveConnection[origins.length];
        try {
            while (!closed) {
                Pending pending = queue.take();
                boolean ok = exchange(pending.request, connections);
                // Before completing: the completion may send the next request (a closed loop
                // does), which must see this worker as free rather than start another.
                inFlight.decrementAndGet();
                pending.complete(ok);
            }
        } catch (InterruptedException e) {
            // close() ends the workers.
        } finally {
            for (KeepAliveConnection connection : connections) {
                retire(connection);
            }
            threads.remove(Thread.currentThread());
        }
    }

    /** One request on this worker's connection to its origin, opened or replaced as needed; true for a 2xx. */
    private boolean exchange(int request, KeepAliveConnection[] connections) {
        long deadline = System.nanoTime() + requestTimeoutNanos;
        int origin = originOf[request];
        for (int attempt = 1; ; attempt++) {
            KeepAliveConnection connection = connections[origin];
            try {
                if (connection == null) {
                    connection = KeepAliveConnection.open(origins[origin], CONNECT_TIMEOUT_MILLIS,
                            (int) Math.max(1, requestTimeoutNanos / 1_000_000));
                    open.add(connection);
                    connections[origin] = connection;
                }
                int status = connection.exchange(encoded[request], head[request], deadline);
                if (!connection.reusable()) {
                    retire(connection);
                    connections[origin] = null;
                }
                tally.answered(request, status);
                return status / 100 == 2;
            } catch (KeepAliveConnection.StaleConnectionException stale) {
                retire(connection);
                connections[origin] = null;
                if (attempt == 1 && !closed) {
                    continue;
                }
                tally.unanswered(request, stale);
                return false;
            } catch (IOException | RuntimeException e) {
                retire(connection);
                connections[origin] = null;
                tally.unanswered(request, e);
                return false;
            }
        }
    }

    private void retire(KeepAliveConnection connection) {
        if (connection != null) {
            connection.close();
            open.remove(connection);
        }
    }

    /** Ends the workers, closing their connections (which ends a read in progress), and fails what is still queued. */
    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        open.forEach(KeepAliveConnection::close);
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            tally.unanswered(pending.request, "the client was closed");
            pending.complete(false);
        }
    }

    /** Connections open now: for tests of the pool's bound. */
    int openConnections() {
        return open.size();
    }
}
