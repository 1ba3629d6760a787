package dev.primus.bootstrap;

import java.net.DatagramPacket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where woven JDK networking code asks whether a connection may go ahead. The agent installs
 * the {@link Checker} (its egress engine) at start-up; until then, and when egress is off,
 * every call goes ahead.
 *
 * <p>The static methods are what woven code calls. They throw the denial and nothing else: a
 * failure inside the engine is counted by {@link AgentFailures} and the call goes on. While the
 * engine runs, the thread is marked ({@link CallDepth#GATE}), so whatever the engine itself
 * touches (a name lookup, say) is never judged again: no recursion, whatever the engine does.
 */
public final class EgressGate {
    /** The engine side of the gate, implemented in the agent. Returns null to proceed, or the denial. */
    public interface Checker {
        /**
         * A socket is about to connect to {@code endpoint}. {@code judgedUrl} is the URL an outer
         * HTTP hook already judged on this thread, or null: a socket to that URL's own host and
         * port then only has its resolved address checked against the deny rules (so a name
         * cannot be rebound to a denied address); any other socket, a proxy included, is judged
         * in full.
         */
        EgressDeniedException checkSocket(SocketAddress endpoint, URL judgedUrl);

        /** An HTTP client is about to connect for {@code url} (each redirect hop is asked again). */
        EgressDeniedException checkUrl(URL url);

        /** A host name is about to be resolved; only judged with {@code egress.dns: enforce}. */
        EgressDeniedException checkLookup(String host);

        /** {@code egress.on_error: fail_closed} in enforce mode: a check that fails denies. */
        boolean failClosed();
    }

    private static volatile Checker checker;
    /** The URL the outermost HTTP hook on this thread judged, while its connect runs. */
    private static final ThreadLocal<URL> JUDGED = new ThreadLocal<URL>();

    private EgressGate() {
    }

    public static void install(Checker engine) {
        checker = engine;
    }

    /** Woven at the start of every socket connect. */
    public static void checkSocket(SocketAddress endpoint) throws EgressDeniedException {
        EgressDeniedException denied = socketDenial(endpoint);
        if (denied != null) {
            throw denied;
        }
    }

    /**
     * The denial of a socket connect, or null: woven into asynchronous connects, which report
     * it through their Future or CompletionHandler instead of throwing it.
     */
    public static EgressDeniedException socketDenial(SocketAddress endpoint) {
        Checker engine = checker;
        if (engine == null) {
            return null;
        }
        if (CallDepth.enter(CallDepth.GATE) > 0) {
            CallDepth.exit(CallDepth.GATE);
            return null;
        }
        try {
            return engine.checkSocket(endpoint, CallDepth.depth(CallDepth.EGRESS) > 0 ? JUDGED.get() : null);
        } catch (Throwable failure) {
            AgentFailures.record("egress socket check", failure);
            return engine.failClosed() ? failedClosed(String.valueOf(endpoint)) : null;
        } finally {
            CallDepth.exit(CallDepth.GATE);
        }
    }

    /**
     * Woven into Netty's {@code Bootstrap.doConnect}: fails its connect promise with the denial,
     * as any failed connect does. Reflective, since Netty is not on this class path.
     */
    public static void failPromise(Object promise, Throwable denial) {
        try {
            // Through Netty's public interface: the promise's own class may not be public.
            Class<?> channelPromise = Class.forName("io.netty.channel.ChannelPromise", false,
                    promise.getClass().getClassLoader());
            channelPromise.getMethod("setFailure", Throwable.class).invoke(promise, denial);
        } catch (Throwable failure) {
            AgentFailures.record("egress netty promise", failure);
        }
    }

    /** Woven at the start of a datagram send: the packet's address, when it has one, is its destination. */
    public static void checkPacket(DatagramPacket packet) throws EgressDeniedException {
        // A packet without an address goes to the socket's connected peer, judged at connect.
        if (packet != null && packet.getAddress() != null) {
            checkSocket(packet.getSocketAddress());
        }
    }

    /** Woven at the start of {@code InetAddress.getAllByName}, where every name lookup of the JDK goes. */
    public static void checkLookup(String host) throws EgressLookupDeniedException {
        Checker engine = checker;
        if (engine == null || host == null) {
            return;
        }
        if (CallDepth.enter(CallDepth.GATE) > 0) {
            CallDepth.exit(CallDepth.GATE);
            return;
        }
        EgressDeniedException denied;
        try {
            denied = engine.checkLookup(host);
        } catch (Throwable failure) {
            AgentFailures.record("egress lookup check", failure);
            denied = engine.failClosed() ? failedClosed(host) : null;
        } finally {
            CallDepth.exit(CallDepth.GATE);
        }
        if (denied != null) {
            EgressLookupDeniedException lookupDenied = new EgressLookupDeniedException(denied.getMessage());
            lookupDenied.initCause(denied);
            throw lookupDenied;
        }
    }

    /** The HTTP clients whose request-level hooks call this gate: how each holds its URL. */
    private static final int URL_CONNECTION = 0;
    private static final int OKHTTP = 1;
    private static final int APACHE4 = 2;
    private static final int APACHE5 = 3;
    private static final int HTTP_CLIENT = 4;

    /**
     * Woven at the start of an HTTP client's connect: judges the URL if this is the outermost
     * HTTP call on the thread, and remembers it, so the socket it opens to that URL's host is not
     * judged by name again. Paired with {@link #exitHttp()} on every way out, except when it
     * throws.
     */
    public static void enterHttp(URLConnection connection) throws EgressDeniedException {
        enterHttpRequest(URL_CONNECTION, connection, null);
    }

    /**
     * The same for OkHttp, woven into {@code ConnectInterceptor.intercept(chain)}, which every
     * request and every redirect hop passes before it gets a connection: the URL is
     * {@code chain.request().url()}, read reflectively since OkHttp is not on this class path.
     */
    public static void enterOkHttp(Object chain) throws EgressDeniedException {
        enterHttpRequest(OKHTTP, chain, null);
    }

    /**
     * OkHttp 5 connects on its own task threads (fast fallback), away from the request that
     * {@link #enterOkHttp} judged: woven into {@code ConnectPlan.connectTcp()}, this judges again
     * (a cached decision) the request the plan connects for, read from its call's interceptor
     * chain, and when it is allowed marks its URL as judged, so the socket to that host is checked
     * against the deny rules only, as on the request's own thread. A plan without a call (a
     * pool's warm-up) marks nothing: its socket is judged in full. Paired with {@link #exitHttp()}.
     */
    public static void enterOkHttpConnect(Object plan) {
        if (CallDepth.enter(CallDepth.EGRESS) > 0 || checker == null) {
            return;
        }
        Object chain;
        try {
            Object user = field(plan, "user");
            chain = user == null ? null : field(user, "chain");
        } catch (Throwable failure) {
            AgentFailures.record("egress okhttp connect", failure);
            return;
        }
        if (chain == null) {
            return;
        }
        Object[] judged = judgeUrl(OKHTTP, chain, null);
        if (judged != null && judged[1] == null) {
            JUDGED.set((URL) judged[0]);
        }
    }

    /** A declared field of OkHttp's internal classes, which have no accessor for it. */
    private static Object field(Object target, String name) throws Exception {
        java.lang.reflect.Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    /**
     * The same for Apache HttpClient 4.x, woven into {@code MainClientExec.execute(route, request,
     * ...)}, which every request and every redirect hop passes: the URL is the route's target host
     * and the request's URI (relative by then, or absolute).
     */
    public static void enterApacheHttp(Object route, Object requestWrapper) throws EgressDeniedException {
        enterHttpRequest(APACHE4, route, requestWrapper);
    }

    /**
     * The same for Apache HttpClient 5: {@code ConnectExec.execute(request, scope, chain)} (classic)
     * and {@code AsyncConnectExec.execute(request, producer, scope, chain, callback)} (async).
     */
    public static void enterApacheHttp5(Object request, Object scope) throws EgressDeniedException {
        enterHttpRequest(APACHE5, request, scope);
    }

    /**
     * Endpoint objects of Apache HttpCore connect requests made while a URL was judged on the
     * thread, by identity (an equal endpoint made elsewhere never counts), with that URL. Bounded:
     * cleared when full, after which a connect is judged in full, never let through unjudged.
     */
    private static final Map<Object, URL> JUDGED_ENDPOINTS = new IdentityHashMap<Object, URL>();
    private static final int MAX_JUDGED_ENDPOINTS = 4096;

    /** HttpCore's {@code IOSessionRequest.remoteEndpoint}, a package-private field, looked up once per class. */
    private static final ClassValue<java.lang.reflect.Field> REMOTE_ENDPOINT = new ClassValue<java.lang.reflect.Field>() {
        @Override
        protected java.lang.reflect.Field computeValue(Class<?> type) {
            try {
                java.lang.reflect.Field field = type.getDeclaredField("remoteEndpoint");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("unexpected HttpCore class " + type.getName(), e);
            }
        }
    };

    /** Woven where HttpCore's {@code IOSessionRequest} stores its endpoint: remembers the judged URL with it. */
    public static Object judgedEndpoint(Object endpoint) {
        URL url = CallDepth.depth(CallDepth.EGRESS) > 0 ? JUDGED.get() : null;
        if (url != null && endpoint != null) {
            synchronized (JUDGED_ENDPOINTS) {
                if (JUDGED_ENDPOINTS.size() >= MAX_JUDGED_ENDPOINTS) {
                    JUDGED_ENDPOINTS.clear();
                }
                JUDGED_ENDPOINTS.put(endpoint, url);
            }
        }
        return endpoint;
    }

    /**
     * Woven into HttpCore's {@code SingleCoreIOReactor.processConnectionRequest(channel, request)}
     * on the reactor thread: carries the URL judged for the request's endpoint while its socket
     * connects. Paired with {@link #exitHttp()}.
     */
    public static void enterApacheReactorConnect(Object sessionRequest) {
        if (CallDepth.enter(CallDepth.EGRESS) > 0 || checker == null) {
            return;
        }
        try {
            java.lang.reflect.Field field = REMOTE_ENDPOINT.get(sessionRequest.getClass());
            URL url;
            synchronized (JUDGED_ENDPOINTS) {
                url = JUDGED_ENDPOINTS.get(field.get(sessionRequest));
            }
            if (url != null) {
                JUDGED.set(url);
            }
        } catch (Throwable failure) {
            AgentFailures.record("egress apache reactor connect", failure);
        }
    }

    /**
     * The JDK HttpClient ({@code java.net.http}), woven into {@code ExchangeImpl.get}, which every
     * request and every redirect hop passes, on a pooled connection too: the denial, which the
     * woven code returns as the exchange's failed future. The URI is read by the woven code,
     * inside the module, since reflection cannot reach the client's internal classes.
     */
    public static EgressDeniedException httpClientDenial(URI uri) {
        if (checker == null || CallDepth.depth(CallDepth.EGRESS) > 0) {
            return null;
        }
        Object[] judged = judgeUrl(HTTP_CLIENT, uri, null);
        return judged == null ? null : (EgressDeniedException) judged[1];
    }

    /**
     * The same client's connect ({@code PlainHttpConnection.connectAsync(exchange)}, under its
     * TLS and tunnelling connections too): marks the request's URL as judged while the socket
     * connects, as {@link #enterHttp} does.
     */
    public static void enterHttpClient(URI uri) throws EgressDeniedException {
        enterHttpRequest(HTTP_CLIENT, uri, null);
    }

    private static void enterHttpRequest(int client, Object first, Object second) throws EgressDeniedException {
        int depth = CallDepth.enter(CallDepth.EGRESS);
        if (checker == null || depth > 0) {
            return;
        }
        Object[] judged = judgeUrl(client, first, second);
        if (judged == null) {
            return;
        }
        if (judged[1] != null) {
            CallDepth.exit(CallDepth.EGRESS);
            throw (EgressDeniedException) judged[1];
        }
        JUDGED.set((URL) judged[0]);
    }

    /** The URL and its denial (null when allowed); null when this thread is already inside the gate. */
    private static Object[] judgeUrl(int client, Object first, Object second) {
        Checker engine = checker;
        if (engine == null) {
            return null;
        }
        if (CallDepth.enter(CallDepth.GATE) > 0) {
            CallDepth.exit(CallDepth.GATE);
            return null;
        }
        URL url = null;
        EgressDeniedException denied;
        try {
            url = urlOf(client, first, second);
            denied = engine.checkUrl(url);
        } catch (Throwable failure) {
            AgentFailures.record("egress url check", failure);
            denied = engine.failClosed() ? failedClosed(String.valueOf(url)) : null;
        } finally {
            CallDepth.exit(CallDepth.GATE);
        }
        return new Object[] {url, denied};
    }

    /** The URL of a request as each hooked client holds it, read reflectively for libraries. */
    private static URL urlOf(int client, Object first, Object second) throws Exception {
        switch (client) {
            case URL_CONNECTION:
                return ((URLConnection) first).getURL();
            case OKHTTP:
                Object okRequest = call(first, "request");
                return new URL(call(okRequest, "url").toString());
            case APACHE4:
                return absolute((URI) call(second, "getURI"), call(first, "getTargetHost"));
            case HTTP_CLIENT:
                return ((URI) first).toURL();
            default:
                Object route = second.getClass().getField("route").get(second);
                return absolute((URI) call(first, "getUri"), call(route, "getTargetHost"));
        }
    }

    /** An Apache request URI made absolute on its route's target host ({@code HttpHost.toURI()}). */
    private static URL absolute(URI uri, Object targetHost) throws Exception {
        return uri.isAbsolute() ? uri.toURL() : new URL(call(targetHost, "toURI") + uri.toString());
    }

    private static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static EgressDeniedException failedClosed(String destination) {
        return new EgressDeniedException(destination, "egress.on_error (fail_closed: the check itself failed)",
                "the agent's config");
    }

    /** Woven on every return and throw of a method that called {@link #enterHttp}. */
    public static void exitHttp() {
        CallDepth.exit(CallDepth.EGRESS);
        if (CallDepth.depth(CallDepth.EGRESS) == 0) {
            JUDGED.remove();
        }
    }
}
