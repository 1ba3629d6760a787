package dev.primus.agent.egress;

import dev.primus.bootstrap.AgentFailures;
import dev.primus.bootstrap.EgressDeniedException;
import dev.primus.bootstrap.EgressGate;
import dev.primus.bootstrap.ProcessDeniedException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The egress engine as the hooks see it, behind {@link EgressGate}: knows which request a socket
 * belongs to ({@link JudgedRequests}), reads each client's requests ({@link HttpRequestUrls}),
 * and hands every destination to the {@link EgressJudge}. All that state lives here, in the
 * sealed module, never in the bridge: code in the app can call the gate, which only ever makes
 * this engine judge something.
 */
public final class EgressGuard implements EgressGate.Checker {
    /** HttpCore endpoints remembered past this many are forgotten: their connects are then judged in full. */
    private static final int MAX_JUDGED_ENDPOINTS = 4096;

    private final EgressJudge judge;
    private final ThreadLocal<JudgedRequests> threads = new ThreadLocal<JudgedRequests>() {
        @Override
        protected JudgedRequests initialValue() {
            return new JudgedRequests();
        }
    };
    /**
     * HttpCore connect requests made inside a judged request, by identity (an equal endpoint made
     * elsewhere never counts), with that request's URL, until the reactor thread connects them.
     * Touched once per new async connection, not per request, and never locked.
     */
    private final ConcurrentHashMap<Identity, URL> judgedEndpoints = new ConcurrentHashMap<Identity, URL>();
    /**
     * Later OkHttp 5 releases (5.5 here): each call, by identity, with the URL of the hop last
     * judged for it on its own thread (ConnectInterceptor), for the connect plans that race for it
     * on OkHttp's task threads and carry only the call, not the request. Bounded as
     * {@link #judgedEndpoints} is.
     */
    private final ConcurrentHashMap<Identity, URL> judgedCalls = new ConcurrentHashMap<Identity, URL>();

    /** A key equal only to a key for the same object: identity, as IdentityHashMap compares, in a concurrent map. */
    private static final class Identity {
        private final Object referent;

        Identity(Object referent) {
            this.referent = referent;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity && ((Identity) other).referent == referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }
    }

    public EgressGuard(EgressJudge judge) {
        this.judge = judge;
    }

    @Override
    public EgressDeniedException socketDenial(SocketAddress endpoint) {
        JudgedRequests thread = threads.get();
        if (thread.inside || endpoint == null) {
            return null; // The JDK refuses a null address itself.
        }
        thread.enterEngine();
        try {
            if (!(endpoint instanceof InetSocketAddress)) {
                // A Unix domain socket never leaves the host; any other type no JDK socket takes.
                return isUnixDomain(endpoint) ? null
                        : judge.unreadable("a " + endpoint.getClass().getName() + " address", new IllegalArgumentException());
            }
            // InetSocketAddress's getters are final: a subclass from the app cannot lie through them.
            InetSocketAddress inet = (InetSocketAddress) endpoint;
            if (AgentConnections.allowsConnect(inet, judge.resolvedNames())) {
                return null; // A remote audit sink's own thread, to its own collector.
            }
            if (thread.justAllowed(inet.getAddress(), inet.getPort())) {
                return null; // Socket.connect judged this endpoint; its implementation's connect asks again.
            }
            EgressDeniedException denial = judge.checkSocket(inet, thread.innermost());
            if (denial == null) {
                thread.allowed(inet.getAddress(), inet.getPort());
            }
            return denial;
        } catch (Throwable failure) {
            return judge.failed(endpoint.getClass().getName(), failure);
        } finally {
            thread.inside = false;
        }
    }

    @Override
    public EgressDeniedException addressDenial(InetAddress address, int port) {
        JudgedRequests thread = threads.get();
        if (thread.inside || thread.takeAllowed(address, port)) {
            return null; // The agent's own, or the very address object the socket check above just allowed.
        }
        return socketDenial(new InetSocketAddress(address, port));
    }

    @Override
    public EgressDeniedException datagramDenial(SocketAddress destination, Object payload) {
        EgressDeniedException denial = socketDenial(destination);
        if (denial != null || !judge.dnsEnforce() || !(destination instanceof InetSocketAddress)
                || ((InetSocketAddress) destination).getPort() != EgressPolicy.DNS_PORT) {
            return denial;
        }
        // A query to a resolver the policy allows still names what it asks about: judged as a lookup.
        List<String> names = payload instanceof DatagramPacket ? DnsQuestions.of(((DatagramPacket) payload).getData(),
                ((DatagramPacket) payload).getOffset(), ((DatagramPacket) payload).getLength())
                : payload instanceof ByteBuffer ? DnsQuestions.of((ByteBuffer) payload)
                : payload instanceof ByteBuffer[] ? DnsQuestions.of(joined((ByteBuffer[]) payload)) : null;
        if (names == null) {
            return judge.unreadable("a datagram to port 53 that is not a DNS query", new IllegalArgumentException());
        }
        for (String name : names) {
            EgressDeniedException lookup = lookupDenial(name);
            if (lookup != null) {
                return lookup;
            }
        }
        return null;
    }

    /**
     * The bytes a gathering write sends, every buffer's remaining ones in order, as one message:
     * a query split over buffers is read whole. Made only for a write to port 53 under
     * {@code dns: enforce}; the buffers themselves are not moved.
     */
    private static ByteBuffer joined(ByteBuffer[] buffers) {
        int total = 0;
        for (ByteBuffer buffer : buffers) {
            total += buffer == null ? 0 : buffer.remaining();
        }
        ByteBuffer joined = ByteBuffer.allocate(total);
        for (ByteBuffer buffer : buffers) {
            if (buffer != null) {
                joined.put(buffer.duplicate());
            }
        }
        joined.flip();
        return joined;
    }

    @Override
    public EgressDeniedException connectedDatagramDenial(Object socketOrChannel, Object payload) {
        if (!judge.dnsEnforce()) {
            return null; // The connect was judged; only a query's names are judged per datagram.
        }
        SocketAddress peer;
        try {
            peer = socketOrChannel instanceof DatagramSocket ? ((DatagramSocket) socketOrChannel).getRemoteSocketAddress()
                    : ((DatagramChannel) socketOrChannel).getRemoteAddress();
        } catch (Throwable notConnected) {
            return null; // The JDK refuses the send itself.
        }
        return peer == null ? null : datagramDenial(peer, payload);
    }

    @Override
    public String reverseLookupAnswer(InetAddress address) {
        JudgedRequests thread = threads.get();
        if (thread.inside || !judge.dnsEnforce()) {
            return null;
        }
        thread.enterEngine();
        try {
            byte[] bytes = address.getAddress();
            return judge.checkReverseLookup(bytes) == null ? null : IpLiteral.format(bytes);
        } catch (Throwable failure) {
            AgentFailures.rethrowIfOutOfResources(failure);
            AgentFailures.record("egress reverse lookup", failure);
            return null;
        } finally {
            thread.inside = false;
        }
    }

    @Override
    public EgressDeniedException nettyDatagramDenial(Object recipientOrEnvelope, Object buffer) {
        Object recipient = recipientOrEnvelope;
        Object content = buffer;
        if (buffer == null) {
            MethodHandle[] envelope = NETTY_ENVELOPE.get(recipientOrEnvelope.getClass());
            if (envelope == null) {
                return null; // A plain buffer on a connected channel: judged at connect.
            }
            try {
                recipient = envelope[0].invokeExact(recipientOrEnvelope);
                content = envelope[1].invokeExact(recipientOrEnvelope);
            } catch (Throwable unreadable) {
                return judge.unreadable("a Netty datagram of " + recipientOrEnvelope.getClass().getName(), unreadable);
            }
        }
        if (!(recipient instanceof SocketAddress)) {
            return null; // No recipient: the channel's connected peer, judged at connect.
        }
        ByteBuffer payload = null;
        if (content != null && judge.dnsEnforce()) {
            try {
                payload = (ByteBuffer) NETTY_NIO_BUFFER.get(content.getClass()).invokeExact(content);
            } catch (Throwable unreadable) {
                return judge.unreadable("a Netty buffer of " + content.getClass().getName(), unreadable);
            }
        }
        return datagramDenial((SocketAddress) recipient, payload);
    }

    /**
     * Netty's {@code AddressedEnvelope.recipient()} and {@code content()}, through the public
     * interface; null for a message class that is no envelope.
     */
    private static final ClassValue<MethodHandle[]> NETTY_ENVELOPE = new ClassValue<MethodHandle[]>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            try {
                Class<?> envelope = NettyTypes.find(type, "io.netty.channel.AddressedEnvelope");
                if (envelope == null) {
                    return null;
                }
                MethodType read = MethodType.methodType(Object.class, Object.class);
                return new MethodHandle[] {
                    MethodHandles.publicLookup().unreflect(envelope.getMethod("recipient")).asType(read),
                    MethodHandles.publicLookup().unreflect(envelope.getMethod("content")).asType(read),
                };
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    };

    /** Netty's {@code ByteBuf.nioBuffer()}: the readable bytes, as a view, read without moving the buffer. */
    private static final ClassValue<MethodHandle> NETTY_NIO_BUFFER = new ClassValue<MethodHandle>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                Class<?> byteBuf = NettyTypes.find(type, "io.netty.buffer.ByteBuf");
                if (byteBuf == null) {
                    throw new ClassNotFoundException("io.netty.buffer.ByteBuf in " + type.getName());
                }
                return MethodHandles.publicLookup().unreflect(byteBuf.getMethod("nioBuffer"))
                        .asType(MethodType.methodType(ByteBuffer.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unexpected Netty buffer " + type.getName(), e);
            }
        }
    };

    @Override
    public ProcessDeniedException processDenial(String[] command) {
        JudgedRequests thread = threads.get();
        if (thread.inside) {
            return null;
        }
        thread.enterEngine();
        try {
            // The JDK refuses an empty command itself; the executable is all that is judged and audited.
            return command.length == 0 || command[0] == null ? null : judge.checkProcess(command[0]);
        } catch (Throwable failure) {
            EgressDeniedException failed = judge.failed("process " + command[0], failure);
            return failed == null ? null : new ProcessDeniedException(command[0], "the check itself failed", "the agent's config");
        } finally {
            thread.inside = false;
        }
    }

    @Override
    public EgressDeniedException lookupDenial(String host) {
        JudgedRequests thread = threads.get();
        if (thread.inside) {
            return null;
        }
        if (AgentConnections.allowsLookup(host)) {
            return null;
        }
        thread.enterEngine();
        try {
            return judge.checkLookup(host);
        } catch (Throwable failure) {
            return judge.failed(host, failure);
        } finally {
            thread.inside = false;
        }
    }

    @Override
    public EgressDeniedException enterHttp(int client, Object request, Object context) {
        JudgedRequests thread = threads.get();
        // The frame exists from here on, whatever follows, so that leaveHttp pairs with it.
        thread.push(null);
        if (thread.inside || AgentConnections.ownsCurrentThread()) {
            return null; // A remote audit sink's request: its socket is checked against the sink's endpoint.
        }
        EgressDeniedException denial = judgeRequest(thread, client, request, context, thread.outer(), thread);
        if (denial != null) {
            thread.pop(); // The woven method throws at once: no leaveHttp follows.
        } else if (client == EgressGate.OKHTTP) {
            rememberOkHttpCall(request, thread.innermost());
        }
        return denial;
    }

    /** For later OkHttp 5 releases: the chain's call, with the URL just judged for it. */
    private void rememberOkHttpCall(Object chain, URL url) {
        try {
            if (OKHTTP_PLANS_CARRY_ONLY_THE_CALL.get(chain.getClass())) {
                remember(judgedCalls, OKHTTP_CHAIN_CALL.get(chain.getClass()).invokeExact(chain), url);
            }
        } catch (Throwable failure) {
            // Not remembered: a plan connecting for the call on another thread is judged in full.
            AgentFailures.record("egress okhttp call", failure);
        }
    }

    private static void remember(ConcurrentHashMap<Identity, URL> judged, Object key, URL url) {
        if (url != null && key != null) {
            if (judged.size() >= MAX_JUDGED_ENDPOINTS) {
                judged.clear();
            }
            judged.put(new Identity(key), url);
        }
    }

    @Override
    public void enterCarriedConnect(int client, Object carrier) {
        JudgedRequests thread = threads.get();
        thread.push(null);
        if (thread.inside) {
            return;
        }
        // Not inside while the carrier's methods run: a carrier the app passes is the app's code.
        try {
            if (client == EgressGate.APACHE_REACTOR) {
                Object endpoint = APACHE_REMOTE_ENDPOINT.get(carrier.getClass()).invokeExact(carrier);
                thread.judged(judgedEndpoints.get(new Identity(endpoint)));
                return;
            }
            // Later OkHttp 5 releases: the plan carries its call, whose hop was judged on its own thread.
            if (OKHTTP_PLANS_CARRY_ONLY_THE_CALL.get(carrier.getClass())) {
                Object call = OKHTTP_PLAN_CALL.get(carrier.getClass()).invokeExact(carrier);
                thread.judged(call == null ? null : judgedCalls.get(new Identity(call)));
                return;
            }
            // OkHttp 5.0 and 5.1's ConnectPlan: the call it connects for, and that call's interceptor
            // chain, judged again (a cached decision). A plan without a call (a pool's warm-up)
            // serves no request, and a denied request none this socket may serve: judged in full.
            Object user = OKHTTP_PLAN_USER.get(carrier.getClass()).invokeExact(carrier);
            Object chain = user == null ? null : OKHTTP_USER_CHAIN.get(user.getClass()).invokeExact(user);
            if (chain != null) {
                judgeRequest(thread, EgressGate.OKHTTP, chain, null, null, thread);
            }
        } catch (Throwable failure) {
            // The socket is then judged in full, as if no request had been judged for it.
            AgentFailures.record("egress carried connect", failure);
        }
    }

    @Override
    public void leaveHttp() {
        threads.get().pop();
    }

    @Override
    public EgressDeniedException exchangeDenial(URI uri) {
        JudgedRequests thread = threads.get();
        return thread.inside ? null : judgeRequest(thread, EgressGate.HTTP_CLIENT, uri, null, thread.innermost(), null);
    }

    @Override
    public Object rememberEndpoint(Object endpoint) {
        remember(judgedEndpoints, endpoint, threads.get().innermost());
        return endpoint;
    }

    @Override
    public void recordResolved(InetAddress[] answer, String host) {
        judge.resolvedNames().recordJdk(host, answer);
    }

    @Override
    public void recordResolverInUse(Object resolver) {
        judge.resolvedNames().resolverInUse(resolver);
    }

    @Override
    public void recordResolvedByNetty(InetAddress address) {
        judge.resolvedNames().recordNetty(address);
    }

    @Override
    public void failPromise(Object promise, Throwable denial) {
        try {
            NETTY_SET_FAILURE.get(promise.getClass()).invokeExact(promise, denial);
        } catch (Throwable failure) {
            AgentFailures.record("egress netty promise", failure);
        }
    }

    /**
     * Judges a request: its denial, or null, after which {@code frame}'s innermost step is marked
     * with the request's URL. A request for the same URL as the step around it ({@code outer})
     * was judged there already. {@code thread}: this thread's state, inside only while the judge runs.
     */
    private EgressDeniedException judgeRequest(JudgedRequests thread, int client, Object request, Object context,
                                               URL outer, JudgedRequests frame) {
        URL url;
        try {
            // Read before the thread counts as inside: the request's methods may be the app's own code
            // (a "request" the app hands a public gate method), and whatever they connect to is judged.
            url = HttpRequestUrls.read(client, request, context);
        } catch (HttpRequestUrls.UnknownLibraryShape agentFault) {
            return judge.failed(request.getClass().getName(), agentFault);
        } catch (Throwable appObjectFailed) {
            return judge.unreadable("the request of a " + request.getClass().getName(), appObjectFailed);
        }
        EgressDeniedException denial = null;
        if (outer == null || !sameTarget(outer, url)) {
            thread.enterEngine();
            try {
                denial = judge.checkUrl(url);
            } catch (Throwable failure) {
                // Not url.toString(): it asks the URL's stream handler, which the app may supply.
                denial = judge.failed(url.getProtocol() + "://" + url.getHost() + url.getFile(), failure);
            } finally {
                thread.inside = false;
            }
        }
        if (denial == null && frame != null) {
            frame.judged(url);
        }
        return denial;
    }

    /** Same scheme, host and port, compared as written: {@code URL.equals} would resolve the host. */
    private static boolean sameTarget(URL a, URL b) {
        return a.getProtocol().equalsIgnoreCase(b.getProtocol()) && a.getHost().equalsIgnoreCase(b.getHost())
                && HttpRequestUrls.portOf(a) == HttpRequestUrls.portOf(b) && a.getFile().equals(b.getFile());
    }

    private static boolean isUnixDomain(SocketAddress endpoint) {
        // Final, and in java.net, where no app class can be defined.
        return endpoint.getClass().getName().equals("java.net.UnixDomainSocketAddress");
    }

    /** Netty's {@code ChannelPromise.setFailure(Throwable)}, through the public interface: a promise's own class may not be public. */
    private static final ClassValue<MethodHandle> NETTY_SET_FAILURE = new ClassValue<MethodHandle>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                Class<?> promise = NettyTypes.find(type, "io.netty.channel.ChannelPromise");
                if (promise == null) {
                    throw new ClassNotFoundException("io.netty.channel.ChannelPromise in " + type.getName());
                }
                return MethodHandles.publicLookup().unreflect(promise.getMethod("setFailure", Throwable.class))
                        .asType(MethodType.methodType(void.class, Object.class, Throwable.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unexpected Netty promise " + type.getName(), e);
            }
        }
    };

    /** A private field of a library class, read through a handle made once per class: OkHttp and HttpCore expose no accessor. */
    private static final class PrivateField extends ClassValue<MethodHandle> {
        private final String name;

        PrivateField(String name) {
            this.name = name;
        }

        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                java.lang.reflect.Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return MethodHandles.lookup().unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("unexpected library class " + type.getName() + ": no field " + name, e);
            }
        }
    }

    private static final ClassValue<MethodHandle> APACHE_REMOTE_ENDPOINT = new PrivateField("remoteEndpoint");
    private static final ClassValue<MethodHandle> OKHTTP_PLAN_USER = new PrivateField("user");
    private static final ClassValue<MethodHandle> OKHTTP_PLAN_CALL = new PrivateField("call");
    /**
     * Whether OkHttp's connect plans, in the loader of this chain or plan class, hold their call
     * rather than a connection user (later 5.x releases, 5.5 among them, whose plans race on
     * task threads).
     */
    private static final ClassValue<Boolean> OKHTTP_PLANS_CARRY_ONLY_THE_CALL = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                Class<?> plan = Class.forName("okhttp3.internal.connection.ConnectPlan", false, type.getClassLoader());
                plan.getDeclaredField("call");
                try {
                    plan.getDeclaredField("user");
                    return Boolean.FALSE;
                } catch (NoSuchFieldException noUser) {
                    return Boolean.TRUE;
                }
            } catch (ClassNotFoundException | NoSuchFieldException | LinkageError olderOkHttp) {
                return Boolean.FALSE;
            }
        }
    };
    /** {@code Interceptor.Chain.call()}, public API since OkHttp 3.9. */
    private static final ClassValue<MethodHandle> OKHTTP_CHAIN_CALL = new ClassValue<MethodHandle>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                Class<?> chain = Class.forName("okhttp3.Interceptor$Chain", false, type.getClassLoader());
                return MethodHandles.publicLookup().unreflect(chain.getMethod("call"))
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unexpected OkHttp chain " + type.getName(), e);
            }
        }
    };
    private static final ClassValue<MethodHandle> OKHTTP_USER_CHAIN = new PrivateField("chain");
}
