package dev.primus.instrumentation.netty;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/**
 * The Netty method egress weaves: the pipeline head's connect, where every outbound connect of
 * every channel ends whoever started it (Bootstrap, Reactor Netty's own connector), on every
 * transport.
 */
public final class NettyPatches {
    private NettyPatches() {
    }

    private static final String GATE = "dev/primus/bootstrap/EgressGate";
    /**
     * Netty's package root: every hook is woven in a copy of Netty another jar shades too (gRPC's
     * grpc-netty-shaded, whose epoll transport is its default on Linux, connects natively).
     */
    private static final String NETTY = "io/netty/";
    private static final String DNS = NETTY + "resolver/dns/";
    private static final String ADDRESS = "Ljava/net/InetAddress;";

    public static List<Patch> all() {
        List<Patch> patches = Arrays.asList(
                // What Netty's own resolver (Reactor Netty's and WebClient's default) answers for a
                // name: a DNS record, or a hosts file entry, each made into an address carrying it.
                Patch.filterReturn(DNS + "DnsAddressDecoder", "decodeAddress",
                        "(Lio/netty/handler/codec/dns/DnsRecord;Ljava/lang/String;Z)" + ADDRESS,
                        GATE, "resolvedAddress", "(" + ADDRESS + ")" + ADDRESS),
                Patch.filterReturn(DNS + "DnsNameResolver", "resolveHostsFileEntry", "(Ljava/lang/String;)" + ADDRESS,
                        GATE, "resolvedAddress", "(" + ADDRESS + ")" + ADDRESS),
                // Not in every Netty 4.1 release; where it is missing, entries come one by one, above.
                Patch.filterReturn(DNS + "DnsNameResolver", "resolveHostsFileEntries", "(Ljava/lang/String;)Ljava/util/List;",
                        GATE, "resolvedAddresses", "(Ljava/util/List;)Ljava/util/List;").optionalInOlderVersions(),
                // The epoll transport writes datagrams natively: one message, or a batch for sendmmsg.
                Patch.checkArgument(NETTY + "channel/epoll/EpollDatagramChannel", "doWriteMessage",
                        "(Ljava/lang/Object;)Z", 0, GATE, "checkNettyMessage", "(Ljava/lang/Object;)V"),
                Patch.checkArgument(NETTY + "channel/epoll/NativeDatagramPacketArray", "add0",
                        "(Lio/netty/buffer/ByteBuf;IIILjava/net/InetSocketAddress;)Z", 4, GATE, "checkNettyDatagram",
                        "(Ljava/lang/Object;Ljava/lang/Object;)V").alsoPassing(0),
                // Netty 4.2's io_uring transport sends each datagram, alone or from a batch, natively from here.
                Patch.checkArgument(NETTY + "channel/uring/IoUringDatagramChannel$IoUringDatagramChannelUnsafe",
                        "scheduleWrite", "(Ljava/lang/Object;Z)Z", 0, GATE, "checkNettyMessage", "(Ljava/lang/Object;)V"),
                Patch.failPromise(NETTY + "channel/DefaultChannelPipeline$HeadContext", "connect",
                        "(Lio/netty/channel/ChannelHandlerContext;Ljava/net/SocketAddress;Ljava/net/SocketAddress;"
                                + "Lio/netty/channel/ChannelPromise;)V", 1, 3,
                        "dev/primus/bootstrap/EgressGate", "socketDenial",
                        "(Ljava/net/SocketAddress;)Ldev/primus/bootstrap/EgressDeniedException;",
                        "failPromise", "(Ljava/lang/Object;Ljava/lang/Throwable;)V"));
        for (Patch patch : patches) {
            patch.inAnyLoader().alsoWhereShaded(NETTY);
        }
        return patches;
    }
}
