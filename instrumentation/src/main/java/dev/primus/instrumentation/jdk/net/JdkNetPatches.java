package dev.primus.instrumentation.jdk.net;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/** The JDK methods egress weaves, and the {@code EgressGate} methods they call. */
public final class JdkNetPatches {
    private static final String GATE = "dev/primus/bootstrap/EgressGate";
    private static final String CHECK_SOCKET = "(Ljava/net/SocketAddress;)V";
    private static final String CHECK_PACKET = "(Ljava/net/DatagramPacket;)V";
    private static final String CHECK_ADDRESS = "(Ljava/net/InetAddress;I)V";
    private static final String CHECK_SENT_PACKET = "(Ljava/lang/Object;Ljava/net/DatagramPacket;)V";
    private static final String REVERSE_ANSWER = "(Ljava/net/InetAddress;)Ljava/lang/String;";
    private static final String SOCKET_DENIAL = "(Ljava/net/SocketAddress;)Ldev/primus/bootstrap/EgressDeniedException;";

    private JdkNetPatches() {
    }

    /** The patches for {@code egress.dns: enforce}: every name lookup the JDK makes goes through getAllByName. */
    public static List<Patch> dns() {
        return Arrays.asList(
                Patch.checkArgument("java/net/InetAddress", "getAllByName",
                        "(Ljava/lang/String;)[Ljava/net/InetAddress;", 0, GATE, "checkLookup", "(Ljava/lang/String;)V"),
                // Reverse lookups (getHostName, getCanonicalHostName) name the address they ask
                // about: JDK 17 and earlier, then JDK 18 and later.
                Patch.answerInstead("java/net/InetAddress", "getHostFromNameService",
                        "(Ljava/net/InetAddress;Z)Ljava/lang/String;", 0, GATE, "reverseLookupAnswer", REVERSE_ANSWER),
                Patch.answerInstead("java/net/InetAddress", "getHostFromNameService",
                        "(Ljava/net/InetAddress;)Ljava/lang/String;", 0, GATE, "reverseLookupAnswer", REVERSE_ANSWER),
                // A connected datagram channel's writes (dnsjava's way) carry queries too.
                Patch.checkArgument("sun/nio/ch/DatagramChannelImpl", "write", "(Ljava/nio/ByteBuffer;)I", -1,
                        GATE, "checkChannelWrite", "(Ljava/lang/Object;Ljava/nio/ByteBuffer;)V").alsoPassing(0),
                // and its gathering writes, write(ByteBuffer[]) among them: a query split over buffers or not.
                Patch.checkArgument("sun/nio/ch/DatagramChannelImpl", "write", "([Ljava/nio/ByteBuffer;II)J", -1,
                        GATE, "checkChannelGatheringWrite", "(Ljava/lang/Object;[Ljava/nio/ByteBuffer;)V").alsoPassing(0));
    }

    public static List<Patch> all() {
        return Arrays.asList(
                // Every JDK name lookup ends here: what it answers is what a name stands for.
                Patch.filterReturn("java/net/InetAddress", "getAllByName", "(Ljava/lang/String;)[Ljava/net/InetAddress;",
                        GATE, "resolved", "([Ljava/net/InetAddress;Ljava/lang/String;)[Ljava/net/InetAddress;").alsoPassing(0),
                // JDK 18+: the resolver each lookup asks, the JDK's own or one the app supplies (none before 18).
                Patch.filterReturn("java/net/InetAddress", "resolver", "()Ljava/net/spi/InetAddressResolver;",
                        GATE, "resolverInUse", "(Ljava/lang/Object;)Ljava/lang/Object;").optionalInOlderVersions(),
                // Every Socket constructor that connects, and Socket.connect(SocketAddress), end here.
                Patch.checkArgument("java/net/Socket", "connect", "(Ljava/net/SocketAddress;I)V", 0,
                        GATE, "checkSocket", CHECK_SOCKET),
                // The socket implementations below Socket: a SOCKS proxy is reached through them,
                // not through Socket.connect, so the proxy is judged as a destination of its own.
                Patch.checkArgument("sun/nio/ch/NioSocketImpl", "connect", "(Ljava/net/SocketAddress;I)V", 0,
                        GATE, "checkSocket", CHECK_SOCKET),
                Patch.checkArgument("java/net/AbstractPlainSocketImpl", "connect", "(Ljava/net/SocketAddress;I)V", 0,
                        GATE, "checkSocket", CHECK_SOCKET),
                // NIO channels, the JDK HttpClient, and the adaptor behind SocketChannel.socket(),
                // which overrides Socket.connect and connects here instead.
                Patch.checkArgument("sun/nio/ch/SocketChannelImpl", "connect", "(Ljava/net/SocketAddress;)Z", 0,
                        GATE, "checkSocket", CHECK_SOCKET),
                Patch.checkArgument("sun/nio/ch/SocketChannelImpl", "blockingConnect", "(Ljava/net/SocketAddress;J)V", 0,
                        GATE, "checkSocket", CHECK_SOCKET),
                // UDP: the NIO datagram channel (connect, and send to an address), and
                // DatagramSocket, whose sends go through its adaptor on JDK 15+ and natively on 8.
                Patch.checkArgument("sun/nio/ch/DatagramChannelImpl", "connect", "(Ljava/net/SocketAddress;Z)"
                        + "Ljava/nio/channels/DatagramChannel;", 0, GATE, "checkSocket", CHECK_SOCKET),
                Patch.checkArgument("sun/nio/ch/DatagramChannelImpl", "send", "(Ljava/nio/ByteBuffer;Ljava/net/SocketAddress;)I",
                        1, GATE, "checkDatagram", "(Ljava/net/SocketAddress;Ljava/nio/ByteBuffer;)V").alsoPassing(0),
                Patch.checkArgument("sun/nio/ch/DatagramSocketAdaptor", "send", "(Ljava/net/DatagramPacket;)V", -1,
                        GATE, "checkSentPacket", CHECK_SENT_PACKET).alsoPassing(0),
                Patch.checkArgument("java/net/DatagramSocket", "send", "(Ljava/net/DatagramPacket;)V", -1,
                        GATE, "checkSentPacket", CHECK_SENT_PACKET).alsoPassing(0),
                Patch.checkArgument("java/net/DatagramSocket", "connect", "(Ljava/net/SocketAddress;)V", 0,
                        GATE, "checkSocket", CHECK_SOCKET),
                // Where the JDK connects by address: every NIO socket and channel ends in Net.connect,
                // which code with --add-opens java.base/sun.nio.ch can also call directly. The check
                // above it on the same thread is not repeated for the address object it allowed.
                Patch.checkArgument("sun/nio/ch/Net", "connect", "(Ljava/net/ProtocolFamily;Ljava/io/FileDescriptor;"
                        + "Ljava/net/InetAddress;I)I", 2, GATE, "checkAddress", CHECK_ADDRESS).alsoPassing(3),
                // JDK 17 and earlier, -Djdk.net.usePlainSocketImpl: every connect of the legacy
                // socket implementation, whichever overload (host, address or endpoint) began it.
                Patch.checkArgument("java/net/AbstractPlainSocketImpl", "connectToAddress", "(Ljava/net/InetAddress;II)V",
                        0, GATE, "checkAddress", CHECK_ADDRESS).alsoPassing(1),
                // The legacy datagram implementation (JDK 17, jdk.net.usePlainDatagramSocketImpl,
                // settable at run time): connect(InetAddress, int) and MulticastSocket.send(packet, ttl)
                // reach it without passing DatagramSocket's own connect and send.
                Patch.checkArgument("java/net/AbstractPlainDatagramSocketImpl", "connect", "(Ljava/net/InetAddress;I)V",
                        0, GATE, "checkAddress", CHECK_ADDRESS).alsoPassing(1),
                Patch.checkArgument("java/net/AbstractPlainDatagramSocketImpl", "send", "(Ljava/net/DatagramPacket;)V",
                        0, GATE, "checkPacket", CHECK_PACKET),
                Patch.checkArgument("java/net/NetMulticastSocket", "connectInternal", "(Ljava/net/InetAddress;I)V",
                        0, GATE, "checkAddress", CHECK_ADDRESS).alsoPassing(1),
                Patch.checkArgument("java/net/NetMulticastSocket", "send", "(Ljava/net/DatagramPacket;B)V",
                        -1, GATE, "checkSentPacket", CHECK_SENT_PACKET).alsoPassing(0),
                // isReachable sends ICMP echo, or connects to TCP port 7, natively.
                Patch.checkArgument("java/net/InetAddress", "isReachable", "(Ljava/net/NetworkInterface;II)Z",
                        -1, GATE, "checkReachable", "(Ljava/net/InetAddress;)V"),
                // Every child process starts here (ProcessBuilder.start, startPipeline, Runtime.exec).
                Patch.checkArgument("java/lang/ProcessImpl", "start", "([Ljava/lang/String;Ljava/util/Map;Ljava/lang/String;"
                        + "[Ljava/lang/ProcessBuilder$Redirect;Z)Ljava/lang/Process;", 0, GATE, "checkProcess",
                        "([Ljava/lang/String;)V"),
                // Asynchronous channels report a denial as they report any connect failure: a failed
                // Future, or the handler's failed(), never an exception thrown from connect.
                Patch.failAsFuture("sun/nio/ch/AsynchronousSocketChannelImpl", "connect",
                        "(Ljava/net/SocketAddress;)Ljava/util/concurrent/Future;", 0, GATE, "socketDenial", SOCKET_DENIAL,
                        "sun/nio/ch/CompletedFuture", "withFailure", "(Ljava/lang/Throwable;)Lsun/nio/ch/CompletedFuture;"),
                Patch.failToHandler("sun/nio/ch/AsynchronousSocketChannelImpl", "connect",
                        "(Ljava/net/SocketAddress;Ljava/lang/Object;Ljava/nio/channels/CompletionHandler;)V", 0,
                        GATE, "socketDenial", SOCKET_DENIAL, "sun/nio/ch/Invoker", "invoke",
                        "(Ljava/nio/channels/AsynchronousChannel;Ljava/nio/channels/CompletionHandler;Ljava/lang/Object;"
                                + "Ljava/lang/Object;Ljava/lang/Throwable;)V"),
                // HttpURLConnection (http and https) opens its connection here for the first
                // request and for every redirect hop; getURL() is the real destination even through
                // a proxy. plainConnect wraps plainConnect0 where both exist; the engine judges
                // the inner one's URL only when it differs from the outer one's.
                Patch.enterExit("sun/net/www/protocol/http/HttpURLConnection", "plainConnect0", "()V",
                        GATE, "enterHttp", "(Ljava/net/URLConnection;)V", "exitHttp"),
                Patch.enterExit("sun/net/www/protocol/http/HttpURLConnection", "plainConnect", "()V",
                        GATE, "enterHttp", "(Ljava/net/URLConnection;)V", "exitHttp"));
    }
}
