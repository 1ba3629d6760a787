package dev.primus.it.apps;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;

/**
 * Netty 4.2's io_uring transport, which connects and sends datagrams natively, never through the
 * JDK's sockets. Netty 4.2's own types are reached by name, so that the class compiles against the
 * tests' Netty 4.1; it runs on the netty-io_uring set. Prints {@code TRANSPORT io_uring=true|false},
 * then one {@code RESULT} line per argument: {@code uring HOST PORT} (a connect) or
 * {@code uringudp HOST PORT} (three datagrams, two flushed together), as {@link NettyApp} does.
 */
public final class IoUringApp {
    private IoUringApp() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Class<?> ioUring = Class.forName("io.netty.channel.uring.IoUring");
        boolean available = (Boolean) ioUring.getMethod("isAvailable").invoke(null);
        System.out.println("TRANSPORT io_uring=" + available);
        if (!available) {
            System.out.println("CAUSE " + ioUring.getMethod("unavailabilityCause").invoke(null));
            return;
        }
        Object factory = Class.forName("io.netty.channel.uring.IoUringIoHandler").getMethod("newFactory").invoke(null);
        Class<?> factoryType = Class.forName("io.netty.channel.IoHandlerFactory");
        EventLoopGroup group = (EventLoopGroup) Class.forName("io.netty.channel.MultiThreadIoEventLoopGroup")
                .getConstructor(int.class, factoryType).newInstance(1, factory);
        Class<? extends Channel> socket = (Class<? extends Channel>) Class.forName("io.netty.channel.uring.IoUringSocketChannel");
        Class<? extends Channel> datagram =
                (Class<? extends Channel>) Class.forName("io.netty.channel.uring.IoUringDatagramChannel");
        try {
            for (String command : args) {
                String[] words = command.split(" ");
                String result;
                try {
                    result = "OK " + (words[0].equals("uring")
                            ? NettyCalls.connect(new Bootstrap().group(group).channel(socket), words[1], words[2])
                            : NettyCalls.datagrams(group, datagram, words[1], Integer.parseInt(words[2])));
                } catch (Throwable failure) {
                    result = Outcomes.describe(failure);
                }
                System.out.println("RESULT " + result);
            }
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }
}
