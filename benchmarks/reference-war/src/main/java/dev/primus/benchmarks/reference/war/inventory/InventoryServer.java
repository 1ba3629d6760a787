package dev.primus.benchmarks.reference.war.inventory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the inventory service the app depends on, on 127.0.0.1 in the same JVM, so the
 * app's outbound call crosses a real socket (which the egress guard judges) without a second
 * process for the harness to manage. Answers {@code GET /stock/SKU} with a made-up level.
 */
public final class InventoryServer {
    private final HttpServer server;
    private final ExecutorService workers;

    private InventoryServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    public static InventoryServer start(int port) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        // A few threads so the stand-in is never the bottleneck at the harness's 16 connections.
        ExecutorService workers = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "inventory-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (BindException e) {
            workers.shutdownNow();
            throw new IOException("the inventory stand-in cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); pass another --downstream-port", e);
        }
        server.createContext("/stock/", InventoryServer::stock);
        server.setExecutor(workers);
        server.start();
        return new InventoryServer(server, workers);
    }

    private static void stock(HttpExchange exchange) throws IOException {
        String sku = exchange.getRequestURI().getPath().substring("/stock/".length());
        int available = Math.floorMod(sku.hashCode(), 500);
        byte[] body = ("{\"sku\":\"" + sku.replaceAll("[^A-Za-z0-9-]", "") + "\",\"available\":" + available
                + ",\"warehouse\":\"loopback-1\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public void stop() {
        server.stop(0);
        workers.shutdownNow();
    }
}
