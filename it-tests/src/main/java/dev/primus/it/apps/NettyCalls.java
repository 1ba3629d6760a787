package dev.primus.it.apps;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The connect and the datagrams the Netty apps make, on Netty's core types only (no resolver), so
 * that an app on another transport's set shares them.
 */
final class NettyCalls {
    private NettyCalls() {
    }

    /** Connects and closes: "connected", or the connect promise's failure as an IOException. */
    static String connect(Bootstrap bootstrap, String host, String port) throws Exception {
        ChannelFuture connect = bootstrap.handler(new ChannelInboundHandlerAdapter()).connect(host, Integer.parseInt(port));
        if (!connect.await(10, TimeUnit.SECONDS)) {
            return "timed out";
        }
        if (!connect.isSuccess()) {
            throw new IOException("netty connect failed", connect.cause());
        }
        connect.channel().close().sync();
        return "connected";
    }

    /**
     * Two datagrams flushed together (so they leave in one batch, sendmmsg's on epoll, where the
     * transport has one), then one alone: the native transports send them past the JDK's sockets.
     */
    static String datagrams(EventLoopGroup group, Class<? extends Channel> channelClass, String host, int port)
            throws Exception {
        Channel channel = new Bootstrap().group(group).channel(channelClass)
                .handler(new ChannelInboundHandlerAdapter()).bind(0).sync().channel();
        try {
            InetSocketAddress to = new InetSocketAddress(host, port);
            ChannelFuture first = channel.write(datagram(to));
            ChannelFuture second = channel.write(datagram(to));
            channel.flush();
            ChannelFuture alone = channel.writeAndFlush(datagram(to));
            for (ChannelFuture write : new ChannelFuture[] {first, second, alone}) {
                if (!write.await(10, TimeUnit.SECONDS)) {
                    return "timed out";
                }
                if (!write.isSuccess()) {
                    throw new IOException("netty datagram failed", write.cause());
                }
            }
            return "sent";
        } finally {
            channel.close().sync();
        }
    }

    private static DatagramPacket datagram(InetSocketAddress to) {
        return new DatagramPacket(Unpooled.wrappedBuffer("ping".getBytes(StandardCharsets.UTF_8)), to);
    }
}
