package dev.primus.agent.audit.http;

import dev.primus.agent.audit.RemoteSink;
import dev.primus.agent.audit.TrustedCas;
import dev.primus.agent.egress.AgentConnections;
import dev.primus.config.HttpSinkConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs batches of audit events to a collector: JSON lines as a file has them (Vector, Fluent
 * Bit, an OpenTelemetry collector's HTTP input), or Splunk HTTP Event Collector events. A batch
 * is bounded by {@code batch_size}, {@code batch_bytes} and {@code flush_interval}. A 2xx takes
 * the batch; 429 and 5xx, and no answer, are retried with backoff (honouring
 * {@code Retry-After}); any other 4xx would be refused again, so the batch is dropped and reported.
 * Uses the JDK's HttpURLConnection, with no proxy: the collector's address is the one connected to.
 */
public final class HttpSink extends RemoteSink {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    /** A collector asking for more than this is retried sooner: the buffer keeps filling meanwhile. */
    private static final long MAX_RETRY_AFTER_SECONDS = 30;

    private final URL url;
    private final HttpSinkConfig settings;
    private final SSLSocketFactory tls;
    /** Asked only where the JDK's own check of the certificate's name failed: a mismatch stays one. */
    private static final javax.net.ssl.HostnameVerifier REFUSE_MISMATCHED_NAME = new javax.net.ssl.HostnameVerifier() {
        @Override
        public boolean verify(String host, javax.net.ssl.SSLSession session) {
            return false;
        }
    };
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(64 << 10);
    /** The last answer's Retry-After, in milliseconds; 0 when it had none. */
    private long retryAfterMillis;

    private HttpSink(String name, URL url, HttpSinkConfig settings, SSLSocketFactory tls) {
        super(name, settings.buffer(), AgentConnections.threads("primus-audit-http",
                new AgentConnections.Endpoint(url.getHost(), url.getPort() > 0 ? url.getPort() : url.getDefaultPort())));
        this.url = url;
        this.settings = settings;
        this.tls = tls;
    }

    /** A sink for {@code url}; nothing connects yet. IllegalArgumentException for a URL it cannot use. */
    public static HttpSink create(String url, HttpSinkConfig settings) {
        URL parsed;
        try {
            parsed = new URL(url);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
        if (!"http".equals(parsed.getProtocol()) && !"https".equals(parsed.getProtocol())) {
            throw new IllegalArgumentException("an http sink's url starts with http:// or https://");
        }
        SSLSocketFactory tls;
        try {
            // A context of the sink's own even without a CA file: HttpsURLConnection's default factory is
            // the app's to replace (HttpsURLConnection.setDefaultSSLSocketFactory), and it would run on
            // the sink's thread and see every event in plain text.
            tls = settings.tlsCaFile() != null ? TrustedCas.from(settings.tlsCaFile()).getSocketFactory()
                    : jdkDefaultTrust().getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException((settings.tlsCaFile() != null ? "tls.ca_file " + settings.tlsCaFile()
                    : "the JDK's default TLS context") + ": " + e.getMessage());
        }
        String shown = parsed.getProtocol() + "://" + parsed.getHost() + (parsed.getPort() > 0 ? ":" + parsed.getPort() : "")
                + parsed.getPath();
        return new HttpSink("http:" + shown, parsed, settings, tls);
    }

    @Override
    protected int window() {
        return settings.batchSize();
    }

    @Override
    protected long lingerMillis() {
        return settings.flushMillis();
    }

    @Override
    protected int deliver(long[] seqs, List<String> lines, int n, long deadline) throws Exception {
        body.reset();
        int batch = 0;
        while (batch < n && (batch == 0 || body.size() + lines.get(batch).length() + 1 <= settings.batchBytes())) {
            byte[] event = (settings.format() == HttpSinkConfig.Format.SPLUNK_HEC ? SplunkHec.event(lines.get(batch))
                    : lines.get(batch)).getBytes(StandardCharsets.UTF_8);
            body.write(event);
            body.write('\n');
            batch++;
        }
        int status = post();
        if (status / 100 == 2) {
            return batch;
        }
        if (status == 429 || status / 100 == 5) {
            throw new RetryLater("the collector answered " + status, retryAfterMillis);
        }
        refused(batch, "the collector refused a batch with HTTP " + status);
        return batch;
    }

    /** A TLS context trusting the JDK's default CAs, made here: {@code SSLContext.getDefault()} is the app's to set. */
    private static javax.net.ssl.SSLContext jdkDefaultTrust() throws GeneralSecurityException {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, null, null);
        return context;
    }

    private int post() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        try {
            if (connection instanceof HttpsURLConnection) {
                ((HttpsURLConnection) connection).setSSLSocketFactory(tls);
                // The JDK's own check of the collector's name stands alone: the default verifier, asked
                // where that check fails, is the app's to replace.
                ((HttpsURLConnection) connection).setHostnameVerifier(REFUSE_MISMATCHED_NAME);
            }
            connection.setUseCaches(false); // no ResponseCache, which the app may set
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", settings.format() == HttpSinkConfig.Format.SPLUNK_HEC
                    ? "application/json" : "application/x-ndjson");
            if (settings.authorization() != null) {
                connection.setRequestProperty("Authorization", settings.authorization().trim());
            }
            connection.setFixedLengthStreamingMode(body.size());
            OutputStream out = connection.getOutputStream();
            try {
                body.writeTo(out);
            } finally {
                out.close();
            }
            int status = connection.getResponseCode();
            retryAfterMillis = retryAfter(connection.getHeaderField("Retry-After"));
            drain(status / 100 == 2 ? connection.getInputStream() : connection.getErrorStream());
            return status;
        } finally {
            connection.disconnect();
        }
    }

    /** Retry-After in seconds (the form collectors send), in milliseconds; 0 when absent or a date. */
    private static long retryAfter(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.min(MAX_RETRY_AFTER_SECONDS, Long.parseLong(header.trim())) * 1000;
        } catch (NumberFormatException date) {
            return 0;
        }
    }

    /** Reads the answer to its end, so the connection can be kept for the next batch. */
    private static void drain(InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        try {
            byte[] skip = new byte[4096];
            while (in.read(skip) >= 0) {
                // Nothing to keep: the status said it all.
            }
        } finally {
            in.close();
        }
    }
}
