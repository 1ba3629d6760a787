package dev.primus.it.apps;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Netty alone, with no client library above it, so that one compiled class runs on Netty 4.1
 * and 4.2: each argument is one command, and each prints one {@code RESULT} line.
 * <ul>
 * <li>{@code nio HOST PORT}, {@code epoll HOST PORT}: a Bootstrap connect on the NIO or the native
 *     epoll transport, the name (if any) resolved by the JDK;</li>
 * <li>{@code epolludp HOST PORT}: three datagrams through the native epoll transport;</li>
 * <li>{@code dns NAME PORT DNS_HOST DNS_PORT}: a Bootstrap connect whose name Netty's own resolver
 *     resolves, from the hosts file or by asking the DNS server named.</li>
 * </ul>
 */
public final class NettyApp {
    private NettyApp() {
    }

    public static void main(String[] args) throws Exception {
        EventLoopGroup nio = new NioEventLoopGroup(1);
        EventLoopGroup epoll = Epoll.isAvailable() ? new EpollEventLoopGroup(1) : null;
        try {
            for (String command : args) {
                String result;
                try {
                    result = "OK " + run(command.split(" "), nio, epoll);
                } catch (Throwable failure) {
                    result = Outcomes.describe(failure);
                }
                System.out.println("RESULT " + result);
            }
        } finally {
            // Netty's event loop threads are not daemons: end them, or the JVM would wait for them.
            nio.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
            if (epoll != null) {
                epoll.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String run(String[] words, EventLoopGroup nio, EventLoopGroup epoll) throws Exception {
        switch (words[0]) {
            case "nio":
                return NettyCalls.connect(new Bootstrap().group(nio).channel(NioSocketChannel.class), words[1], words[2]);
            case "epoll":
                return NettyCalls.connect(new Bootstrap().group(epollOrFail(epoll)).channel(EpollSocketChannel.class),
                        words[1], words[2]);
            case "epolludp":
                return epollDatagrams(epollOrFail(epoll), words[1], Integer.parseInt(words[2]));
            case "dns":
                DnsNameResolverBuilder resolver = new DnsNameResolverBuilder().channelType(NioDatagramChannel.class)
                        .resolvedAddressTypes(ResolvedAddressTypes.IPV4_ONLY)
                        .nameServerProvider(new SingletonDnsServerAddressStreamProvider(
                                new InetSocketAddress(words[3], Integer.parseInt(words[4]))));
                DnsAddressResolverGroup resolvers = new DnsAddressResolverGroup(resolver);
                try {
                    return NettyCalls.connect(new Bootstrap().group(nio).channel(NioSocketChannel.class).resolver(resolvers),
                            words[1], words[2]);
                } finally {
                    resolvers.close();
                }
            default:
                throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }

    private static EventLoopGroup epollOrFail(EventLoopGroup epoll) {
        if (epoll == null) {
            throw new IllegalStateException("epoll unavailable", Epoll.unavailabilityCause());
        }
        return epoll;
    }

    static String epollDatagrams(EventLoopGroup epoll, String host, int port) throws Exception {
        return NettyCalls.datagrams(epoll, EpollDatagramChannel.class, host, port);
    }
}
