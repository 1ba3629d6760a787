package dev.primus.agent.egress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's own outbound connections: a remote audit sink must reach its collector even where
 * {@code egress.allow} does not name it, and nothing else may use that. So a thread this class
 * made (the sink's, and every thread its client library runs, through {@link #threads}) may
 * connect to, and look up, the endpoints it was made for; any other thread, and any other
 * endpoint, is judged by the policy as usual. Threads are known by identity, never by name: code
 * in the app can name its threads anything.
 */
public final class AgentConnections {
    /** Thread to the endpoints it may reach. Empty in most agents: the egress check then pays one read. */
    private static final ConcurrentHashMap<Thread, Endpoint[]> OWNED = new ConcurrentHashMap<Thread, Endpoint[]>();

    private AgentConnections() {
    }

    /** One {@code host:port} a sink was configured with. */
    public static final class Endpoint {
        final String host;
        /** The host's address where it is an IP literal, else null. */
        final byte[] literal;
        final int port;

        public Endpoint(String host, int port) {
            this.host = host.toLowerCase(Locale.ROOT);
            this.literal = IpLiteral.parse(host);
            this.port = port;
        }
    }

    /**
     * Daemon threads named {@code name-N}, each allowed to reach {@code endpoints} while it runs,
     * with the agent's class loader as context (not that of whichever app thread started the first).
     */
    public static ThreadFactory threads(final String name, final Endpoint... endpoints) {
        final AtomicInteger count = new AtomicInteger();
        return new ThreadFactory() {
            @Override
            public Thread newThread(final Runnable task) {
                Thread thread = new Thread(new Runnable() {
                    @Override
                    public void run() {
                        OWNED.put(Thread.currentThread(), endpoints.clone());
                        try {
                            task.run();
                        } finally {
                            OWNED.remove(Thread.currentThread());
                        }
                    }
                }, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                thread.setContextClassLoader(AgentConnections.class.getClassLoader());
                return thread;
            }
        };
    }

    /**
     * Whether the current thread is one of these agent threads: an HTTP request it makes is not
     * judged by URL rules; the connect under it is, by {@link #allowsConnect}.
     */
    static boolean ownsCurrentThread() {
        return !OWNED.isEmpty() && OWNED.containsKey(Thread.currentThread());
    }

    /**
     * Whether the current thread is an agent thread allowed to connect to {@code address}: its
     * endpoint's port, and its literal address, or an address the JDK's resolver gave for its name
     * ({@code names}). The name an address carries is no proof: code in the app that runs on the
     * sink's thread (a JVM-wide {@code CookieHandler} its HTTP client consults) can make one,
     * {@code InetAddress.getByAddress("collector", anyAddress)}.
     */
    static boolean allowsConnect(InetSocketAddress address, ResolvedNames names) {
        if (OWNED.isEmpty()) {
            return false;
        }
        Endpoint[] endpoints = OWNED.get(Thread.currentThread());
        InetAddress resolved = address.getAddress();
        if (endpoints == null || resolved == null) {
            return false;
        }
        byte[] bytes = resolved.getAddress();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.port == address.getPort() && (java.util.Arrays.equals(endpoint.literal, bytes)
                    || endpoint.literal == null && names.vouches(endpoint.host, bytes))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current thread is an agent thread allowed to look up {@code host}. */
    static boolean allowsLookup(String host) {
        if (OWNED.isEmpty() || host == null) {
            return false;
        }
        Endpoint[] endpoints = OWNED.get(Thread.currentThread());
        if (endpoints == null) {
            return false;
        }
        for (Endpoint endpoint : endpoints) {
            if (endpoint.host.equalsIgnoreCase(host)) {
                return true;
            }
        }
        return false;
    }
}
