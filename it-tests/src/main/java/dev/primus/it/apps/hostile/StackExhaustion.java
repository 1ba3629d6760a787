package dev.primus.it.apps.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A connect made with the thread's stack nearly full: a thread recurses until its stack overflows,
 * then connects a non-blocking channel, opened beforehand, at each depth on the way back up. Where
 * the engine's check overflows but the JDK's own connect, shorter once compiled, does not, the
 * connect would go out unjudged if a check that could not run let its call through (as the gates
 * once did with any failure, {@code egress.on_error: fail_closed} or not).
 */
final class StackExhaustion {
    /** Allowed connects first, so that the JDK's connect path runs compiled, as the engine's does. */
    private static final int WARM_CONNECTS = 6_000;
    private static final int CHANNELS = 1_000;
    /** A leak showed within a round's first ten tries; each round dives to the bottom once. */
    private static final int ROUNDS = 3;
    private static final long STACK_BYTES = 256 * 1024;

    private final InetSocketAddress target;
    private final ArrayDeque<SocketChannel> unused = new ArrayDeque<>();
    private final List<SocketChannel> tried = new ArrayList<>();
    private volatile SocketChannel connected;
    private int tries;

    private StackExhaustion(InetSocketAddress target) {
        this.target = target;
    }

    /**
     * "connected ..." when a connect to {@code address:port} went out from a full stack; else what a
     * plain connect there comes to. {@code warmTo}: an allowed {@code host:port}.
     */
    static String connect(String warmTo, String address, int port) throws Throwable {
        // As the agent does at start-up: initialised from a shallow stack, the class that counts a check's
        // failure has room to count one from the bottom of a full one (an overflow in its initialiser
        // would have left it broken, each later failure throwing on instead of letting a call through).
        Class.forName("dev.primus.bootstrap.AgentFailures", true, null);
        InetSocketAddress allowed = new InetSocketAddress(InetAddress.getByName(warmTo.substring(0, warmTo.indexOf(':'))),
                Integer.parseInt(warmTo.substring(warmTo.indexOf(':') + 1)));
        for (int i = 0; i < WARM_CONNECTS; i++) {
            try (SocketChannel channel = SocketChannel.open()) {
                channel.configureBlocking(false);
                channel.connect(allowed);
                channel.finishConnect();
            } catch (IOException refusedUnderLoad) {
                Thread.sleep(1);
            }
        }
        StackExhaustion probe = new StackExhaustion(new InetSocketAddress(InetAddress.getByName(address), port));
        for (int i = 0; i < CHANNELS; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            probe.unused.add(channel);
        }
        try {
            for (int round = 0; round < ROUNDS && probe.connected == null; round++) {
                Thread diver = new Thread(null, probe::dive, "diver", STACK_BYTES);
                diver.start();
                diver.join();
            }
        } finally {
            probe.closeAll();
        }
        if (probe.connected != null) {
            return "connected from a full stack after " + probe.tries + " tries";
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5000);
            return "connected";
        }
    }

    private void dive() {
        try {
            dive();
        } catch (StackOverflowError bottom) {
            // the way back up starts here
        }
        if (connected == null) {
            attempt();
        }
    }

    private void attempt() {
        SocketChannel channel = unused.peek();
        if (channel == null) {
            return;
        }
        tries++;
        boolean denied = false;
        try {
            channel.connect(target);
            connected = channel;
        } catch (StackOverflowError outOfStack) {
            // the check, or the connect, had no room: try one frame higher
        } catch (Throwable failure) {
            denied = failure.getClass().getName().endsWith("EgressDeniedException");
        } finally {
            if (!denied) {
                tried.add(unused.poll()); // a channel a connect was tried on is not reused
            }
        }
    }

    private void closeAll() {
        for (SocketChannel channel : tried) {
            close(channel);
        }
        for (SocketChannel channel : unused) {
            close(channel);
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a probe's channel
        }
    }
}
