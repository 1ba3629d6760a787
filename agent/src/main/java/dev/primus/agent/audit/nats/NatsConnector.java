package dev.primus.agent.audit.nats;

import dev.primus.agent.audit.TrustedCas;
import dev.primus.agent.egress.AgentConnections;
import dev.primus.config.NatsSinkConfig;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * How a nats sink reaches its servers: the jnats options its config describes (servers,
 * authentication, TLS) and the connect itself, with every thread jnats runs made by the sink's
 * own factory, so the egress guard knows them and none keeps the JVM up. Only the configured
 * servers are used: those a server advertises are ignored, since no rule allowed them.
 */
final class NatsConnector {
    private final String[] servers;
    private final List<AgentConnections.Endpoint> endpoints;
    private final String subject;
    private final NatsSinkConfig settings;
    private ExecutorService executor;
    private ScheduledThreadPoolExecutor scheduler;

    private NatsConnector(String[] servers, List<AgentConnections.Endpoint> endpoints, String subject,
                          NatsSinkConfig settings) {
        this.servers = servers;
        this.endpoints = endpoints;
        this.subject = subject;
        this.settings = settings;
    }

    /** The servers of {@code url} (comma-separated {@code nats://} or {@code tls://} URLs). */
    static NatsConnector of(String url, String subject, NatsSinkConfig settings) {
        List<String> servers = new ArrayList<String>();
        List<AgentConnections.Endpoint> endpoints = new ArrayList<AgentConnections.Endpoint>();
        for (String one : url.split(",")) {
            String server = one.trim();
            if (server.isEmpty()) {
                continue;
            }
            URI uri = URI.create(server.contains("://") ? server : "nats://" + server);
            String host = uri.getHost();
            if (host == null) {
                throw new IllegalArgumentException("not a NATS server URL: " + withoutUserInfo(server));
            }
            servers.add(server);
            endpoints.add(new AgentConnections.Endpoint(host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
                    uri.getPort() > 0 ? uri.getPort() : 4222));
        }
        return new NatsConnector(servers.toArray(new String[0]), endpoints, subject, settings);
    }

    AgentConnections.Endpoint[] endpoints() {
        return endpoints.toArray(new AgentConnections.Endpoint[0]);
    }

    /** The servers as logs may show them: without any user or password a URL carries. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (String server : servers) {
            text.append(text.length() == 0 ? "" : ",").append(withoutUserInfo(server));
        }
        return text.toString();
    }

    private static String withoutUserInfo(String server) {
        return server.replaceFirst("://[^/@]*@", "://");
    }

    /** Why the last connect failed, as jnats told its error listener; read by the sink's thread. */
    private volatile Exception lastProblem;

    /** Connects, on the sink's thread, and makes the stream first if the config asks for it. */
    Connection connect(ThreadFactory threads) throws IOException, InterruptedException, GeneralSecurityException,
            JetStreamApiException {
        close(null);
        executor = Executors.newCachedThreadPool(threads);
        scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true);
        Options.Builder options = new Options.Builder()
                .servers(servers)
                .connectionName("primus-audit")
                .ignoreDiscoveredServers()
                .noEcho()
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .connectionTimeout(Duration.ofSeconds(5))
                // Our buffer holds what waits: jnats' own would only hide how much.
                .reconnectBufferSize(8L << 20)
                .errorListener(new ErrorListener() {
                    // The sink reports what matters itself, once per outage, in the agent's own log;
                    // jnats says why a connect failed only here (an untrusted certificate, an
                    // authorization violation), so the last reason is kept for that report.
                    @Override
                    public void errorOccurred(Connection connection, String error) {
                        lastProblem = new IOException("the server said: " + error);
                    }

                    @Override
                    public void exceptionOccurred(Connection connection, Exception exception) {
                        lastProblem = exception;
                    }
                })
                .executor(executor)
                .scheduledExecutor(scheduler)
                .connectThreadFactory(threads)
                .callbackThreadFactory(threads)
                .readerThreadFactory(threads)
                .writerThreadFactory(threads);
        authenticate(options);
        lastProblem = null;
        Connection connection;
        try {
            connection = Nats.connect(options.build());
        } catch (IOException failed) {
            // jnats hands the reason to the listener on its callback thread: give it a moment.
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (lastProblem == null && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            Exception why = lastProblem;
            throw why == null || failed.getCause() != null ? failed : new IOException(failed.getMessage(), why);
        }
        if (settings.createStream()) {
            ensureStream(connection.jetStreamManagement());
        }
        return connection;
    }

    private void authenticate(Options.Builder options) throws GeneralSecurityException, IOException {
        if (settings.creds() != null || settings.nkeySeed() != null) {
            String unsupported = NKeys.unsupportedReason();
            if (unsupported != null) {
                throw new GeneralSecurityException(unsupported);
            }
            options.authHandler(settings.creds() != null ? NKeyAuth.creds(settings.creds()) : NKeyAuth.seed(settings.nkeySeed()));
        } else if (settings.token() != null) {
            options.token(settings.token().trim().toCharArray());
        } else if (settings.user() != null) {
            options.userInfo(settings.user().toCharArray(), settings.password().toCharArray());
        }
        if (settings.tlsCaFile() != null) {
            options.sslContext(TrustedCas.from(settings.tlsCaFile()));
        }
    }

    /** Creates the stream the config names, capturing the subject, unless it exists. */
    private void ensureStream(JetStreamManagement streams) throws IOException, JetStreamApiException {
        try {
            streams.getStreamInfo(settings.stream());
        } catch (JetStreamApiException missing) {
            streams.addStream(StreamConfiguration.builder().name(settings.stream()).subjects(subject)
                    .storageType(StorageType.File).build());
        }
    }

    /** Closes the connection, if any, and the threads it ran on. */
    void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException ignored) {
                // Closing is best effort: the threads below end either way.
            }
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
