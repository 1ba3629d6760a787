package dev.primus.bootstrap;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where woven networking code asks whether a connection may go ahead: each method hands what the
 * hook caught to the engine the agent installed ({@link GateInstallation}) and throws the denial
 * it returns. Without an engine (egress off) every call goes ahead.
 *
 * <p>Nothing here decides, remembers or skips anything: which request a socket belongs to, which
 * client a request came from, and what the agent's own calls may do are the engine's, held where
 * code in the app cannot reach them. So calling any of these methods from the app can only cause
 * a check. A failure inside the engine is counted by {@link AgentFailures} and the call goes on;
 * the engine itself denies, in enforce mode, when what the app handed it cannot be read; and a
 * check the JVM could not run (stack or heap gone) throws that error on instead of letting the
 * call through ({@link AgentFailures#rethrowIfOutOfResources}).
 */
public final class EgressGate {
    /** The HTTP clients whose request-level hooks call {@link #enterHttp}: how the engine reads each one's request. */
    public static final int URL_CONNECTION = 0;
    public static final int OKHTTP = 1;
    public static final int APACHE4 = 2;
    public static final int APACHE5 = 3;
    public static final int HTTP_CLIENT = 4;
    /** The connect steps that carry a request judged on another thread: see {@link #enterCarriedConnect}. */
    public static final int OKHTTP_CONNECT_PLAN = 5;
    public static final int APACHE_REACTOR = 6;

    /** The engine side of the gate, implemented in the agent. */
    public interface Checker {
        /** A socket connect or datagram send to {@code endpoint}: the denial, or null to go ahead. */
        EgressDeniedException socketDenial(SocketAddress endpoint);

        /**
         * A connect or send to {@code address:port} below a socket layer that may have judged it
         * already (the JDK's {@code Net.connect}, the legacy socket implementations): the denial,
         * or null.
         */
        EgressDeniedException addressDenial(InetAddress address, int port);

        /**
         * A datagram to {@code destination}; {@code payload} is its {@code DatagramPacket} or
         * {@code ByteBuffer}, read (never changed) for the names a DNS query asks about: the denial, or null.
         */
        EgressDeniedException datagramDenial(SocketAddress destination, Object payload);

        /** The same for a datagram that goes to the peer a socket or channel is connected to. */
        EgressDeniedException connectedDatagramDenial(Object socketOrChannel, Object payload);

        /** A reverse lookup of {@code address}: the answer to give instead (its literal) when it is denied, or null. */
        String reverseLookupAnswer(InetAddress address);

        /**
         * A Netty native-transport datagram: {@code envelope} is an {@code AddressedEnvelope}
         * (buffer null), or a recipient with its {@code ByteBuf}: the denial, or null.
         */
        EgressDeniedException nettyDatagramDenial(Object recipientOrEnvelope, Object buffer);

        /** A child process is about to start with {@code command}: the denial, or null. */
        ProcessDeniedException processDenial(String[] command);

        /** A host name is about to be resolved: the denial, or null. */
        EgressDeniedException lookupDenial(String host);

        /**
         * An HTTP client's connect step begins for a request, read as {@code client} holds it from
         * {@code request} and {@code context}: the denial, or null, after which the step's socket
         * belongs to that request until {@link #leaveHttp}.
         */
        EgressDeniedException enterHttp(int client, Object request, Object context);

        /** A connect step on a client's own thread, for the request {@code carrier} belongs to; never denies. */
        void enterCarriedConnect(int client, Object carrier);

        /** Pairs with every {@link #enterHttp} that returned null and every {@link #enterCarriedConnect}. */
        void leaveHttp();

        /** The JDK HttpClient's exchange for {@code uri}: the denial, or null. */
        EgressDeniedException exchangeDenial(URI uri);

        /** An Apache HttpCore connect request's endpoint, as it is stored: returned unchanged. */
        Object rememberEndpoint(Object endpoint);

        /** Fails a Netty connect promise with the denial, as any failed connect does. */
        void failPromise(Object promise, Throwable denial);

        /** What the JDK's resolver answered for {@code host}: these addresses are the name's. */
        void recordResolved(InetAddress[] answer, String host);

        /** An address Netty's resolver made for the name it carries (a DNS answer, a hosts file entry). */
        void recordResolvedByNetty(InetAddress address);

        /** The name resolver the JDK (18+) asks, as it takes it for a lookup: the JDK's own, or one the app supplies. */
        void recordResolverInUse(Object resolver);
    }

    /** Set once, by the class initializer, from {@link GateInstallation}: see there. */
    private static final Checker ENGINE = GateInstallation.egress();

    private EgressGate() {
    }

    static Checker engine() {
        return ENGINE;
    }

    /** Woven at the start of every socket connect. */
    public static void checkSocket(SocketAddress endpoint) throws EgressDeniedException {
        EgressDeniedException denied = socketDenial(endpoint);
        if (denied != null) {
            throw denied;
        }
    }

    /**
     * The denial of a socket connect, or null: woven into asynchronous connects, which report it
     * through their Future, CompletionHandler or promise instead of throwing it.
     */
    public static EgressDeniedException socketDenial(SocketAddress endpoint) {
        Checker engine = ENGINE;
        if (engine == null) {
            return null;
        }
        try {
            return engine.socketDenial(endpoint);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress socket check", failure);
            return null;
        }
    }

    /**
     * Woven where the JDK connects by address and port: {@code sun.nio.ch.Net.connect}, which every
     * NIO socket and channel ends in (and code with {@code --add-opens java.base/sun.nio.ch} can
     * call directly), and the legacy socket and datagram implementations of JDK 17 and earlier.
     */
    public static void checkAddress(InetAddress address, int port) throws EgressDeniedException {
        Checker engine = ENGINE;
        if (engine == null || address == null) {
            return;
        }
        EgressDeniedException denied;
        try {
            denied = engine.addressDenial(address, port);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress address check", failure);
            return;
        }
        if (denied != null) {
            throw denied;
        }
    }

    /** Woven into {@code InetAddress.isReachable}: an ICMP echo, or a TCP connect to port 7, to this address. */
    public static void checkReachable(InetAddress address) throws EgressDeniedException {
        checkAddress(address, ECHO_PORT);
    }

    /** The TCP echo port {@code isReachable} tries where it cannot send ICMP; ICMP itself is judged as it. */
    private static final int ECHO_PORT = 7;

    /**
     * Woven at the start of a datagram send below the socket (the legacy implementations): the
     * packet's address, when it has one, is its destination.
     */
    public static void checkPacket(DatagramPacket packet) throws EgressDeniedException {
        if (packet != null && packet.getAddress() != null) {
            throwIfDenied(DATAGRAM, packet.getSocketAddress(), packet);
        }
    }

    /**
     * Woven at the start of {@code DatagramSocket.send}: to the packet's address, or without one
     * to the socket's connected peer.
     */
    public static void checkSentPacket(Object socket, DatagramPacket packet) throws EgressDeniedException {
        if (packet == null) {
            return;
        }
        if (packet.getAddress() != null) {
            throwIfDenied(DATAGRAM, packet.getSocketAddress(), packet);
        } else {
            throwIfDenied(CONNECTED_DATAGRAM, socket, packet);
        }
    }

    /** Woven at the start of {@code DatagramChannel.send(buffer, target)}. */
    public static void checkDatagram(SocketAddress target, ByteBuffer payload) throws EgressDeniedException {
        throwIfDenied(DATAGRAM, target, payload);
    }

    /** Woven at the start of a connected {@code DatagramChannel.write(buffer)} ({@code egress.dns: enforce}). */
    public static void checkChannelWrite(Object channel, ByteBuffer payload) throws EgressDeniedException {
        throwIfDenied(CONNECTED_DATAGRAM, channel, payload);
    }

    /** The same for a gathering write ({@code write(ByteBuffer[], int, int)}): the buffers, read as one message. */
    public static void checkChannelGatheringWrite(Object channel, ByteBuffer[] payload) throws EgressDeniedException {
        throwIfDenied(CONNECTED_DATAGRAM, channel, payload);
    }

    /**
     * Woven at the start of the JDK's reverse lookup ({@code InetAddress.getHostFromNameService},
     * behind {@code getHostName} and {@code getCanonicalHostName}, {@code egress.dns: enforce}):
     * the address's literal when the lookup is denied, as the JDK answers when a lookup fails; null
     * to look it up.
     */
    public static String reverseLookupAnswer(InetAddress address) {
        Checker engine = ENGINE;
        if (engine == null || address == null) {
            return null;
        }
        try {
            return engine.reverseLookupAnswer(address);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress reverse lookup check", failure);
            return null;
        }
    }

    /**
     * Woven into {@code java.lang.ProcessImpl.start}, where {@code ProcessBuilder.start},
     * {@code startPipeline} and every {@code Runtime.exec} end: a child process reaches the
     * network past every hook, so starting one is judged too ({@code egress.processes}).
     */
    public static void checkProcess(String[] command) throws ProcessDeniedException {
        Checker engine = ENGINE;
        if (engine == null || command == null) {
            return;
        }
        ProcessDeniedException denied;
        try {
            denied = engine.processDenial(command);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress process check", failure);
            return;
        }
        if (denied != null) {
            throw denied;
        }
    }

    /**
     * Woven into Netty's epoll datagram writes ({@code EpollDatagramChannel.doWriteMessage} for
     * one message, {@code NativeDatagramPacketArray.add0} for a batch sent by {@code sendmmsg}),
     * which never reach the JDK's socket classes: the recipient, and the payload's DNS question.
     */
    public static void checkNettyDatagram(Object recipientOrEnvelope, Object buffer) throws EgressDeniedException {
        Checker engine = ENGINE;
        if (engine == null || recipientOrEnvelope == null) {
            return;
        }
        EgressDeniedException denied;
        try {
            denied = engine.nettyDatagramDenial(recipientOrEnvelope, buffer);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress netty datagram check", failure);
            return;
        }
        if (denied != null) {
            throw denied;
        }
    }

    /** One message of {@code EpollDatagramChannel.doWriteMessage}: an addressed envelope, or a plain buffer. */
    public static void checkNettyMessage(Object message) throws EgressDeniedException {
        checkNettyDatagram(message, null);
    }

    private static final int DATAGRAM = 0;
    private static final int CONNECTED_DATAGRAM = 1;

    private static void throwIfDenied(int kind, Object to, Object payload) throws EgressDeniedException {
        Checker engine = ENGINE;
        if (engine == null) {
            return;
        }
        EgressDeniedException denied;
        try {
            denied = kind == DATAGRAM ? engine.datagramDenial((SocketAddress) to, payload)
                    : engine.connectedDatagramDenial(to, payload);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress datagram check", failure);
            return;
        }
        if (denied != null) {
            throw denied;
        }
    }

    /** Woven at the start of {@code InetAddress.getAllByName}, where every name lookup of the JDK goes. */
    public static void checkLookup(String host) throws EgressLookupDeniedException {
        Checker engine = ENGINE;
        if (engine == null || host == null) {
            return;
        }
        EgressDeniedException denied;
        try {
            denied = engine.lookupDenial(host);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress lookup check", failure);
            return;
        }
        if (denied != null) {
            EgressLookupDeniedException lookupDenied = new EgressLookupDeniedException(denied.getMessage());
            lookupDenied.initCause(denied);
            throw lookupDenied;
        }
    }

    /** {@code HttpURLConnection.plainConnect}: paired with {@link #exitHttp()} on every way out unless it throws. */
    public static void enterHttp(URLConnection connection) throws EgressDeniedException {
        enterHttp(URL_CONNECTION, connection, null);
    }

    /** OkHttp's {@code ConnectInterceptor.intercept(chain)}, every request and redirect hop. */
    public static void enterOkHttp(Object chain) throws EgressDeniedException {
        enterHttp(OKHTTP, chain, null);
    }

    /** Apache HttpClient 4's {@code MainClientExec.execute(route, request, ...)}. */
    public static void enterApacheHttp(Object route, Object requestWrapper) throws EgressDeniedException {
        enterHttp(APACHE4, route, requestWrapper);
    }

    /** Apache HttpClient 5's classic {@code ConnectExec} and async {@code AsyncConnectExec}: {@code (request, scope)}. */
    public static void enterApacheHttp5(Object request, Object scope) throws EgressDeniedException {
        enterHttp(APACHE5, request, scope);
    }

    /** The JDK HttpClient's {@code PlainHttpConnection.connectAsync}, under its TLS and tunnels too. */
    public static void enterHttpClient(URI uri) throws EgressDeniedException {
        enterHttp(HTTP_CLIENT, uri, null);
    }

    /** OkHttp 5's {@code ConnectPlan.connectTcp()}, on a task thread: paired with {@link #exitHttp()}. */
    public static void enterOkHttpConnect(Object plan) {
        enterCarriedConnect(OKHTTP_CONNECT_PLAN, plan);
    }

    /** HttpCore's {@code SingleCoreIOReactor.processConnectionRequest}, on the reactor thread: paired with {@link #exitHttp()}. */
    public static void enterApacheReactorConnect(Object sessionRequest) {
        enterCarriedConnect(APACHE_REACTOR, sessionRequest);
    }

    /** Woven where HttpCore's {@code IOSessionRequest} stores its endpoint. */
    public static Object judgedEndpoint(Object endpoint) {
        Checker engine = ENGINE;
        if (engine == null) {
            return endpoint;
        }
        try {
            return engine.rememberEndpoint(endpoint);
        } catch (Throwable failure) {
            AgentFailures.record("egress apache endpoint", failure);
            return endpoint;
        }
    }

    /**
     * The JDK HttpClient's {@code ExchangeImpl.get}, every request and redirect hop, pooled or not:
     * the denial, which the woven code returns as the exchange's failed future.
     */
    public static EgressDeniedException httpClientDenial(URI uri) {
        Checker engine = ENGINE;
        if (engine == null) {
            return null;
        }
        try {
            return engine.exchangeDenial(uri);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress exchange check", failure);
            return null;
        }
    }

    /** Woven into Netty's pipeline head connect on a denial. */
    public static void failPromise(Object promise, Throwable denial) {
        Checker engine = ENGINE;
        if (engine == null) {
            return;
        }
        try {
            engine.failPromise(promise, denial);
        } catch (Throwable failure) {
            AgentFailures.record("egress netty promise", failure);
        }
    }

    /**
     * Woven before {@code InetAddress.getAllByName(host)} returns: which addresses a name stands for,
     * so that a socket carrying the name to any other address is judged by that address alone.
     */
    public static InetAddress[] resolved(InetAddress[] answer, String host) {
        Checker engine = ENGINE;
        if (engine != null) {
            try {
                engine.recordResolved(answer, host);
            } catch (Throwable failure) {
                AgentFailures.record("egress resolved name", failure);
            }
        }
        return answer;
    }

    /**
     * Woven before {@code InetAddress.resolver()} (JDK 18+) returns the resolver a lookup asks,
     * {@code getLocalHost}'s too: an app's provider is seen whichever thread or context loader made
     * the JDK take it.
     */
    public static Object resolverInUse(Object resolver) {
        Checker engine = ENGINE;
        if (engine != null) {
            try {
                engine.recordResolverInUse(resolver);
            } catch (Throwable failure) {
                AgentFailures.record("egress name resolver", failure);
            }
        }
        return resolver;
    }

    /** Woven before Netty's resolver returns an address it made for a name. */
    public static InetAddress resolvedAddress(InetAddress address) {
        Checker engine = ENGINE;
        if (engine != null) {
            try {
                engine.recordResolvedByNetty(address);
            } catch (Throwable failure) {
                AgentFailures.record("egress resolved name", failure);
            }
        }
        return address;
    }

    /** Woven before Netty's resolver returns the addresses of a hosts file entry. */
    public static List<?> resolvedAddresses(List<?> addresses) {
        if (addresses != null) {
            for (Object address : addresses) {
                if (address instanceof InetAddress) {
                    resolvedAddress((InetAddress) address);
                }
            }
        }
        return addresses;
    }

    /** Woven on every return and throw of a method that entered. */
    public static void exitHttp() {
        Checker engine = ENGINE;
        if (engine == null) {
            return;
        }
        try {
            engine.leaveHttp();
        } catch (Throwable failure) {
            AgentFailures.record("egress http exit", failure);
        }
    }

    private static void enterHttp(int client, Object request, Object context) throws EgressDeniedException {
        Checker engine = ENGINE;
        if (engine == null) {
            return;
        }
        EgressDeniedException denied;
        try {
            denied = engine.enterHttp(client, request, context);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress url check", failure);
            return;
        }
        if (denied != null) {
            throw denied;
        }
    }

    private static void enterCarriedConnect(int client, Object carrier) {
        Checker engine = ENGINE;
        if (engine == null) {
            return;
        }
        try {
            engine.enterCarriedConnect(client, carrier);
        } catch (Throwable failure) {
            AgentFailures.record("egress carried connect", failure);
        }
    }
}
