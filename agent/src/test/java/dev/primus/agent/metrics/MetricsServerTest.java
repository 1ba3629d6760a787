package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private static final int READ_TIMEOUT_MILLIS = 1_000;

    private final AgentMetrics metrics = PopulatedMetrics.create();
    private final MetricsServer server = new MetricsServer(metrics.registry(), "127.0.0.1", 0, READ_TIMEOUT_MILLIS);

    @AfterEach
    void close() {
        server.close();
    }

    private static HttpURLConnection open(int port, String path, String method, String accept) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        if (accept != null) {
            connection.setRequestProperty("Accept", accept);
        }
        return connection;
    }

    private static String body(HttpURLConnection connection) throws IOException {
        InputStream in = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream();
        return new String(readAll(in), StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int read; (read = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    @Test
    void servesText004ToAPlainGet() throws Exception {
        int port = server.start();
        HttpURLConnection get = open(port, "/metrics", "GET", null);
        assertEquals(200, get.getResponseCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", get.getContentType());
        assertEquals("close", get.getHeaderField("Connection"));
        assertEquals(ExpositionFormat.PROMETHEUS_TEXT.write(metrics.registry().scrape()), body(get));
    }

    @Test
    void servesOpenMetricsToPrometheussAcceptHeader() throws Exception {
        int port = server.start();
        HttpURLConnection get = open(port, "/metrics", "GET", "application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        assertEquals(200, get.getResponseCode());
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8", get.getContentType());
        String body = body(get);
        assertTrue(body.endsWith("# EOF\n"), body);
        assertTrue(body.contains("# TYPE primus_decisions counter\n"), body);
    }

    @Test
    void answersOtherPaths404AndOtherMethods405() throws Exception {
        int port = server.start();
        assertEquals(404, open(port, "/", "GET", null).getResponseCode());
        assertEquals(404, open(port, "/metrics/extra", "GET", null).getResponseCode());
        HttpURLConnection post = open(port, "/metrics", "POST", null);
        post.setDoOutput(true);
        try (OutputStream out = post.getOutputStream()) {
            out.write("a body the server never reads".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(405, post.getResponseCode());
        assertEquals("GET", post.getHeaderField("Allow"));
        assertEquals(405, open(port, "/metrics", "DELETE", null).getResponseCode());
        assertEquals(200, open(port, "/metrics?name[]=primus_hooks", "GET", null).getResponseCode());
    }

    @Test
    void aClientThatSendsNothingHoldsTheNextScrapeNoLongerThanTheTimeout() throws Exception {
        int port = server.start();
        try (Socket silent = new Socket("127.0.0.1", port)) {
            Thread.sleep(100); // the server is now waiting on the silent client
            long started = System.nanoTime();
            assertEquals(200, open(port, "/metrics", "GET", null).getResponseCode());
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // The silent client is dropped at the timeout; the scrape is answered right after (1 s for a busy machine).
            assertTrue(waitedMillis < READ_TIMEOUT_MILLIS + 1_000, "waited " + waitedMillis + " ms");
            silent.setSoTimeout(5_000);
            assertEquals(-1, silent.getInputStream().read(), "the server closed the silent connection");
        }
    }

    @Test
    void aClientDribblingItsRequestIsCutOffAtTheTimeoutToo() throws Exception {
        int port = server.start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (final Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(10_000);
            final long started = System.nanoTime();
            Future<Long> closedAfterMillis = reader.submit(new Callable<Long>() {
                @Override
                public Long call() throws IOException {
                    try {
                        assertEquals(-1, slow.getInputStream().read(), "closed without an answer");
                    } catch (java.net.SocketException reset) {
                        // A reset rather than an orderly close: closed all the same.
                    }
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            });
            OutputStream out = slow.getOutputStream();
            try {
                // One byte every 100 ms: each read is well within the timeout, the whole head is not.
                for (byte b : "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: 12345678901234567890\r\n".getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(100);
                    if (closedAfterMillis.isDone()) {
                        break;
                    }
                }
            } catch (IOException closedByServer) {
                // Writing after the server closed: expected.
            }
            long heldMillis = closedAfterMillis.get(10, TimeUnit.SECONDS);
            assertTrue(heldMillis < READ_TIMEOUT_MILLIS + 1_000, "held " + heldMillis + " ms");
        } finally {
            reader.shutdownNow();
        }
        assertEquals(200, open(port, "/metrics", "GET", null).getResponseCode());
    }

    @Test
    void anOversizedRequestHeadIs431AndTheServerServesOn() throws Exception {
        int port = server.start();
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(5_000);
            StringBuilder head = new StringBuilder("GET /metrics HTTP/1.1\r\n");
            while (head.length() < MetricsServer.MAX_HEAD_BYTES) {
                head.append("X-Filler: 0123456789012345678901234567890123456789\r\n");
            }
            OutputStream out = client.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readAll(client.getInputStream()), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 431 "), answer);
        } catch (java.net.SocketException reset) {
            // The rest of our head was unread when the server closed: the client may see a reset instead.
        }
        assertEquals(200, open(port, "/metrics", "GET", null).getResponseCode());
    }

    @Test
    void garbageIs400AndASourceThatThrowsDoesNotStopTheServer() throws Exception {
        metrics.hooksFrom(new ScrapedValues() {
            @Override
            public void readInto(Readings readings) {
                throw new IllegalStateException("a broken source");
            }
        });
        int port = server.start();
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(5_000);
            client.getOutputStream().write("\u0016\u0003\u0001 not http\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(readAll(client.getInputStream()), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        }
        for (int i = 0; i < 2; i++) {
            HttpURLConnection get = open(port, "/metrics", "GET", null);
            assertEquals(200, get.getResponseCode());
            assertTrue(body(get).contains("primus_hooks{state=\"woven\"} 31\n"), "the other sources are still read");
        }
    }

    @Test
    void concurrentScrapesAreEachAnsweredInFull() throws Exception {
        final int port = server.start();
        final String expected = ExpositionFormat.PROMETHEUS_TEXT.write(metrics.registry().scrape());
        ExecutorService scrapers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<Future<String>>();
            for (int i = 0; i < 40; i++) {
                answers.add(scrapers.submit(new Callable<String>() {
                    @Override
                    public String call() throws Exception {
                        return body(open(port, "/metrics", "GET", null));
                    }
                }));
            }
            for (Future<String> answer : answers) {
                assertEquals(expected, answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            scrapers.shutdownNow();
        }
    }

    @Test
    void closeFreesThePortAndEndsTheThread() throws Exception {
        int port = server.start();
        assertEquals(port, server.port());
        assertEquals(200, open(port, "/metrics", "GET", null).getResponseCode());
        server.close();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            assertTrue(!MetricsServer.THREAD_NAME.equals(thread.getName()) || !thread.isAlive(), "primus-metrics still runs");
        }
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void aPortInUseIsAnErrorNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            MetricsServer second = new MetricsServer(metrics.registry(), "127.0.0.1", taken.getLocalPort());
            IOException refused = assertThrows(IOException.class, second::start);
            assertTrue(refused.getMessage().startsWith("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort() + " ("),
                    refused.getMessage());
            second.close();
        }
    }
}
