package dev.primus.it.apps;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * Makes outbound calls on command, one per stdin line, and prints one {@code RESULT} line for
 * each: {@code OK ...}, {@code DENIED <message>} when the agent denied it (anywhere in the
 * cause chain), or {@code ERROR <exception>} for any other failure. One JVM serves a whole test
 * class. Commands: {@code socket HOST PORT}, {@code nio HOST PORT}, {@code async HOST PORT}, {@code asynchandler HOST PORT}, {@code udp HOST PORT}, {@code udpnio HOST PORT}, {@code lookup HOST}, {@code url URL}, {@code okhttp URL}, {@code apache URL}, {@code apache5 URL}, {@code netty HOST PORT}, {@code nettyepoll HOST PORT},
 * {@code proxied PROXYHOST PROXYPORT URL}, {@code socks PROXYHOST PROXYPORT HOST PORT}, {@code httpclient URL}, {@code httpclientasync URL}, {@code reactor URL}, {@code apache5async URL}, {@code jdbc URL}.
 */
public final class EgressProbeApp {
    /** One client for the whole run, so later requests reuse pooled connections. */
    private static final okhttp3.OkHttpClient OK_HTTP = new okhttp3.OkHttpClient();
    private static final org.apache.http.impl.client.CloseableHttpClient APACHE_HTTP =
            org.apache.http.impl.client.HttpClients.createDefault();
    private static final io.netty.channel.EventLoopGroup NETTY = new io.netty.channel.nio.NioEventLoopGroup(1);
    private static final io.netty.channel.EventLoopGroup NETTY_EPOLL = io.netty.channel.epoll.Epoll.isAvailable()
            ? new io.netty.channel.epoll.EpollEventLoopGroup(1) : null;
    private static final HttpClient JDK_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final org.apache.hc.client5.http.impl.classic.CloseableHttpClient APACHE_HTTP5 =
            org.apache.hc.client5.http.impl.classic.HttpClients.createDefault();

    private static final org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient APACHE_HTTP5_ASYNC =
            org.apache.hc.client5.http.impl.async.HttpAsyncClients.createDefault();

    static {
        APACHE_HTTP5_ASYNC.start();
    }

    private EgressProbeApp() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] words = line.trim().split(" ");
            String result;
            try {
                result = "OK " + run(words);
            } catch (Throwable failure) {
                result = Outcomes.describe(failure);
            }
            System.out.println("RESULT " + result);
            System.out.flush();
        }
        // Netty's event loop threads are not daemons: end them, or the JVM would wait for them.
        NETTY.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).await(5, java.util.concurrent.TimeUnit.SECONDS);
        if (NETTY_EPOLL != null) {
            NETTY_EPOLL.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS)
                    .await(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static String run(String[] words) throws Exception {
        switch (words[0]) {
            case "socket":
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(words[1], Integer.parseInt(words[2])), 5000);
                    return "connected";
                }
            case "socks":
                Proxy socks = new Proxy(Proxy.Type.SOCKS, new InetSocketAddress(words[1], Integer.parseInt(words[2])));
                try (Socket socket = new Socket(socks)) {
                    socket.connect(new InetSocketAddress(words[3], Integer.parseInt(words[4])), 5000);
                    return "connected";
                }
            case "nio":
                try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(words[1], Integer.parseInt(words[2])))) {
                    return "connected";
                }
            case "udp":
                try (DatagramSocket socket = new DatagramSocket()) {
                    byte[] payload = "ping".getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(payload, payload.length,
                            new InetSocketAddress(words[1], Integer.parseInt(words[2]))));
                    return "sent";
                }
            case "udpnio":
                try (DatagramChannel channel = DatagramChannel.open()) {
                    channel.send(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)),
                            new InetSocketAddress(words[1], Integer.parseInt(words[2])));
                    return "sent";
                }
            case "async":
                try (AsynchronousSocketChannel channel = AsynchronousSocketChannel.open()) {
                    channel.connect(new InetSocketAddress(words[1], Integer.parseInt(words[2]))).get();
                    return "connected";
                }
            case "lookup":
                return "resolved " + java.net.InetAddress.getAllByName(words[1]).length;
            case "asynchandler":
                try (AsynchronousSocketChannel channel = AsynchronousSocketChannel.open()) {
                    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
                    channel.connect(new InetSocketAddress(words[1], Integer.parseInt(words[2])), null,
                            new java.nio.channels.CompletionHandler<Void, Void>() {
                                @Override
                                public void completed(Void result, Void attachment) {
                                    done.complete(null);
                                }

                                @Override
                                public void failed(Throwable failure, Void attachment) {
                                    done.completeExceptionally(failure);
                                }
                            });
                    done.get(10, java.util.concurrent.TimeUnit.SECONDS);
                    return "connected";
                }
            case "okhttp":
                try (okhttp3.Response response = OK_HTTP.newCall(new okhttp3.Request.Builder().url(words[1]).build())
                        .execute()) {
                    return response.code() + " " + response.body().string();
                }
            case "apache":
                try (org.apache.http.client.methods.CloseableHttpResponse response =
                             APACHE_HTTP.execute(new org.apache.http.client.methods.HttpGet(words[1]))) {
                    return response.getStatusLine().getStatusCode() + " "
                            + org.apache.http.util.EntityUtils.toString(response.getEntity());
                }
            case "apache5":
                return APACHE_HTTP5.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(words[1]),
                        response -> response.getCode() + " "
                                + org.apache.hc.core5.http.io.entity.EntityUtils.toString(response.getEntity()));
            case "apache5async":
                org.apache.hc.client5.http.async.methods.SimpleHttpResponse asyncResponse = APACHE_HTTP5_ASYNC.execute(
                        org.apache.hc.client5.http.async.methods.SimpleRequestBuilder.get(words[1]).build(), null)
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
                return asyncResponse.getCode() + " " + asyncResponse.getBodyText();
            case "nettyepoll":
                if (!io.netty.channel.epoll.Epoll.isAvailable()) {
                    throw new IllegalStateException("epoll unavailable", io.netty.channel.epoll.Epoll.unavailabilityCause());
                }
                return NettyCalls.connect(new io.netty.bootstrap.Bootstrap().group(NETTY_EPOLL)
                        .channel(io.netty.channel.epoll.EpollSocketChannel.class), words[1], words[2]);
            case "nettyepolludp":
                if (!io.netty.channel.epoll.Epoll.isAvailable()) {
                    throw new IllegalStateException("epoll unavailable", io.netty.channel.epoll.Epoll.unavailabilityCause());
                }
                return NettyApp.epollDatagrams(NETTY_EPOLL, words[1], Integer.parseInt(words[2]));
            case "netty":
                return NettyCalls.connect(new io.netty.bootstrap.Bootstrap().group(NETTY)
                        .channel(io.netty.channel.socket.nio.NioSocketChannel.class), words[1], words[2]);
            case "url":
                return fetch((HttpURLConnection) new URL(words[1]).openConnection());
            case "proxied":
                Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(words[1], Integer.parseInt(words[2])));
                return fetch((HttpURLConnection) new URL(words[3]).openConnection(proxy));
            case "httpclient":
                HttpResponse<String> response = JDK_HTTP.send(HttpRequest.newBuilder(URI.create(words[1])).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() + " " + response.body();
            case "httpclientasync":
                HttpResponse<String> asyncReply = JDK_HTTP.sendAsync(HttpRequest.newBuilder(URI.create(words[1])).build(),
                        HttpResponse.BodyHandlers.ofString()).get(10, java.util.concurrent.TimeUnit.SECONDS);
                return asyncReply.statusCode() + " " + asyncReply.body();
            case "reactor":
                // Reactor Netty's defaults: the native epoll transport where it is on the class path.
                return reactor.netty.http.client.HttpClient.create().followRedirect(true).get().uri(words[1])
                        .responseSingle((reply, body) -> body.asString().defaultIfEmpty("")
                                .map(text -> reply.status().code() + " " + text))
                        .block(Duration.ofSeconds(10));
            case "jdbc":
                try (Connection connection = DriverManager.getConnection(words[1], "postgres", "");
                     ResultSet rows = connection.createStatement().executeQuery("select 40 + 2")) {
                    rows.next();
                    return "query " + rows.getInt(1);
                }
            case "log":
                return log(words[1], String.join(" ", java.util.Arrays.asList(words).subList(2, words.length)));
            default:
                throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }

    /** Logs {@code template} (its {0} is a card number) through JUL to a handler of the app's own that appends to {@code file}. */
    private static String log(String file, String template) throws Exception {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("probe.payments");
        logger.setUseParentHandlers(false);
        try (java.io.FileOutputStream out = new java.io.FileOutputStream(file, true)) {
            java.util.logging.StreamHandler handler = new java.util.logging.StreamHandler(out, new java.util.logging.Formatter() {
                @Override
                public String format(java.util.logging.LogRecord record) {
                    return formatMessage(record) + "\n";
                }
            });
            logger.addHandler(handler);
            logger.log(java.util.logging.Level.INFO, template, "4111 1111 1111 1111");
            handler.flush();
            logger.removeHandler(handler);
        }
        return "logged";
    }

    private static String fetch(HttpURLConnection connection) throws Exception {
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        int status = connection.getResponseCode();
        try (InputStream body = connection.getInputStream()) {
            return status + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
