package dev.primus.agent.audit.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.audit.AuditEvent;
import dev.primus.agent.audit.AuditPipeline;
import dev.primus.agent.audit.TrustedCas;
import dev.primus.config.ConfigLoader;
import dev.primus.config.LoadResult;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.support.JwtUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways production NATS is usually secured, each against a nats-server the test starts:
 * TLS, where the sink must trust exactly the CA its {@code tls.ca_file} names, and a creds file
 * (user JWT and NKey seed) against a server in operator mode, where only a user of an account the
 * operator signed gets in. Each also shows the refusal: a sink that cannot get in delivers nothing
 * and the app never waits for it. Certificates come from openssl, JWTs from jnats' JwtUtils.
 */
class NatsSecureConnectionsTest {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** How long a refused sink is watched for a message that must never come. */
    private static final Duration REFUSED_FOR = Duration.ofSeconds(3);
    private static final String SUBJECT = "audit.events";
    private static final String STREAM = "AUDIT";

    @Test
    void aTlsServerSignedByTheGivenCaGetsEveryEventOnce(@TempDir Path dir) throws Exception {
        Path ca = certificateAuthority(dir, "primus-test-ca");
        try (NatsServer server = NatsServer.start(dir, tlsConfig(dir, ca))) {
            String url = "tls://127.0.0.1:" + server.port();
            AuditPipeline pipeline = pipeline(natsSink(url, "      tls:\n        ca_file: " + ca + "\n"
                    + "      create_stream: true\n      stream: " + STREAM + "\n"));
            offer(pipeline, 100);
            pipeline.shutdown(20_000);
            try (Connection reader = Nats.connect(new Options.Builder().server(url)
                    .sslContext(TrustedCas.from(ca.toString())).build())) {
                assertEquals(oneToN(100), awaitSeqs(reader, 100));
            }
        }
    }

    @Test
    void aTlsServerSignedByAnotherCaGetsNothingAndTheAppNeverWaits(@TempDir Path dir) throws Exception {
        Path ca = certificateAuthority(dir, "primus-test-ca");
        Path otherCa = certificateAuthority(dir, "primus-test-other-ca");
        try (NatsServer server = NatsServer.start(dir, tlsConfig(dir, ca))) {
            String url = "tls://127.0.0.1:" + server.port();
            try (Connection reader = Nats.connect(new Options.Builder().server(url)
                    .sslContext(TrustedCas.from(ca.toString())).build())) {
                // The stream exists beforehand, so an empty one means refused, not "nowhere to put it".
                JetStreamManagement streams = reader.jetStreamManagement();
                streams.addStream(StreamConfiguration.builder().name(STREAM).subjects(SUBJECT)
                        .storageType(StorageType.Memory).build());
                AuditPipeline pipeline = pipeline(natsSink(url, "      tls:\n        ca_file: " + otherCa + "\n"));
                assertOffersReturnAtOnce(pipeline);
                assertStays(() -> messages(streams), 0, "messages from a sink that trusts another CA");
                // Again while the sink's thread fails its handshakes and backs off.
                assertOffersReturnAtOnce(pipeline);
                pipeline.shutdown(1_000);
                assertEquals(0, messages(streams), "messages after the sink's drain at shutdown");
            }
            // Refused for the certificate, not for anything else that could keep a stream empty.
            assertTrue(serverLog(dir).contains("TLS handshake error"), serverLog(dir));
            // And the sink's report can say so: jnats tells why only to its error listener.
            LoadResult config = new ConfigLoader(name -> null).load("primus.yaml", ("service: s\naudit:\n  sinks:\n"
                    + natsSink(url, "      tls:\n        ca_file: " + otherCa + "\n")).getBytes(StandardCharsets.UTF_8));
            NatsConnector connector = NatsConnector.of(url, SUBJECT, config.config().audit().sinks().get(0).nats());
            java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> connector.connect(java.util.concurrent.Executors.defaultThreadFactory()));
            Throwable root = refused;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root instanceof java.security.cert.CertificateException
                    || root instanceof javax.net.ssl.SSLException || String.valueOf(root.getMessage()).contains("certificat"),
                    "the failure names the certificate: " + root);
            connector.close(null);
        }
    }

    @Test
    void onlyACredsFileOfAnAccountTheOperatorSignedGetsEventsIn(@TempDir Path dir) throws Exception {
        SecureRandom random = new SecureRandom();
        NKey operator = NKey.createOperator(random);
        NKey system = NKey.createAccount(random);
        NKey account = NKey.createAccount(random);
        // JetStream in operator mode needs a system account: without one nats-server 2.9 exits with
        // "Can't start JetStream: ... system account not setup".
        String config = "operator: " + jwt(operator, operator, "{\"type\":\"operator\",\"version\":2}") + "\n"
                + "system_account: " + publicKey(system) + "\n"
                + "resolver: MEMORY\n"
                + "resolver_preload: {\n"
                + "  " + publicKey(system) + ": " + jwt(operator, system, accountClaim(false)) + "\n"
                + "  " + publicKey(account) + ": " + jwt(operator, account, accountClaim(true)) + "\n"
                + "}\n";
        Path creds = creds(dir, "user.creds", account);
        // Signed by an account of its own making, which no operator the server trusts has signed.
        Path strangerCreds = creds(dir, "stranger.creds", NKey.createAccount(random));
        try (NatsServer server = NatsServer.start(dir, config)) {
            AuditPipeline pipeline = pipeline(natsSink(server.url(), "      creds: ${file:" + creds + "}\n"
                    + "      create_stream: true\n      stream: " + STREAM + "\n"));
            offer(pipeline, 10);
            pipeline.shutdown(20_000);
            try (Connection reader = Nats.connect(new Options.Builder().server(server.url())
                    .authHandler(Nats.credentials(creds.toString())).build())) {
                assertEquals(oneToN(10), awaitSeqs(reader, 10));

                AuditPipeline stranger = pipeline(natsSink(server.url(), "      creds: ${file:" + strangerCreds + "}\n"));
                offer(stranger, 10);
                JetStreamManagement streams = reader.jetStreamManagement();
                assertStays(() -> messages(streams), 10, "messages once a stranger's sink has sent too");
                stranger.shutdown(1_000);
                assertEquals(10, messages(streams), "messages after the stranger's drain at shutdown");
            }
            // Refused because the server knows no such account, not for a malformed creds file.
            assertTrue(serverLog(dir).contains("Account fetch failed: account missing"), serverLog(dir));
        }
    }

    // --- TLS: a CA and a server certificate for 127.0.0.1 and localhost, made with openssl.

    /** A self-signed CA in {@code dir}: {@code NAME.pem} and {@code NAME.key}. */
    private static Path certificateAuthority(Path dir, String name) throws Exception {
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + name);
        return dir.resolve(name + ".pem");
    }

    /** The server's {@code tls} block, with a certificate {@code ca} signed. */
    private static String tlsConfig(Path dir, Path ca) throws Exception {
        Files.write(dir.resolve("server.ext"), ("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                + "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n")
                .getBytes(StandardCharsets.US_ASCII));
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", ca.toString(),
                "-CAkey", ca.toString().replaceFirst("\\.pem$", ".key"), "-set_serial", "2", "-days", "2",
                "-extfile", "server.ext", "-out", "server.pem");
        return "tls {\n  cert_file: \"" + dir.resolve("server.pem") + "\"\n  key_file: \"" + dir.resolve("server.key") + "\"\n}";
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/openssl");
        Collections.addAll(command, args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    // --- Operator mode: JWTs as nsc would issue them.

    private static String publicKey(NKey key) throws Exception {
        return new String(key.getPublicKey());
    }

    /** A JWT about {@code subject}, signed by {@code issuer}, with {@code natsClaim} as its "nats". */
    private static String jwt(NKey issuer, NKey subject, String natsClaim) throws Exception {
        return JwtUtils.issueJWT(issuer, publicKey(subject), publicKey(subject), null, JwtUtils.currentTimeSeconds(),
                publicKey(issuer), () -> natsClaim);
    }

    /**
     * An account with no limits; with {@code jetStream}, its JetStream limits too, for only an
     * account whose JWT has storage limits other than 0 may use JetStream.
     */
    private static String accountClaim(boolean jetStream) {
        return "{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,\"wildcards\":true,"
                + "\"conn\":-1,\"leaf\":-1"
                + (jetStream ? ",\"mem_storage\":-1,\"disk_storage\":-1,\"streams\":-1,\"consumer\":-1" : "")
                + "},\"type\":\"account\",\"version\":2}";
    }

    /** A creds file for a new user {@code account} signed. */
    private static Path creds(Path dir, String name, NKey account) throws Exception {
        NKey user = NKey.createUser(new SecureRandom());
        String jwt = JwtUtils.issueUserJWT(account, publicKey(account), publicKey(user));
        Path file = dir.resolve(name);
        Files.write(file, String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(user.getSeed()))
                .getBytes(StandardCharsets.US_ASCII));
        return file;
    }

    // --- The pipeline and what arrived.

    private static AuditPipeline pipeline(String sinksYaml) {
        LoadResult result = new ConfigLoader(name -> null).load("primus.yaml",
                ("service: nats-secure-test\naudit:\n  sinks:\n" + sinksYaml).getBytes(StandardCharsets.UTF_8));
        if (!result.isValid()) {
            throw new AssertionError(result.errors().toString());
        }
        return AuditPipeline.create("nats-secure-test", result.config().audit()).start(Collections.emptyList());
    }

    private static String natsSink(String url, String extra) {
        return "    - type: nats\n      url: " + url + "\n      subject: " + SUBJECT + "\n" + extra;
    }

    private static void offer(AuditPipeline pipeline, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(pipeline.offer(AuditEvent.of("egress", "allowed").rule("egress.allow[0]").reason("event " + i).build()));
        }
    }

    /** The app's thread offers and goes on, whatever the sink's thread is doing: 100 offers within a second. */
    private static void assertOffersReturnAtOnce(AuditPipeline pipeline) {
        long started = System.nanoTime();
        offer(pipeline, 100);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis < 1_000, "100 offers took " + millis + " ms");
    }

    /** The {@code seq} of every message in the stream, sorted, once it holds {@code expected}; fails if it holds more. */
    private static List<Long> awaitSeqs(Connection connection, int expected) throws Exception {
        JetStreamManagement streams = connection.jetStreamManagement();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (messages(streams) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, messages(streams), "messages in " + STREAM + " within " + DEADLINE);
        List<Long> seqs = new ArrayList<>();
        for (long n = 1; n <= expected; n++) {
            Matcher seq = SEQ.matcher(new String(streams.getMessage(STREAM, n).getData(), StandardCharsets.UTF_8));
            assertTrue(seq.find());
            seqs.add(Long.parseLong(seq.group(1)));
        }
        Collections.sort(seqs);
        return seqs;
    }

    /** Watches {@code count} for {@link #REFUSED_FOR}; fails as soon as it is not {@code expected}. */
    private static void assertStays(LongSupplier count, long expected, String what) throws InterruptedException {
        long until = System.nanoTime() + REFUSED_FOR.toNanos();
        while (System.nanoTime() < until) {
            assertEquals(expected, count.getAsLong(), what);
            Thread.sleep(50);
        }
    }

    private static String serverLog(Path dir) throws Exception {
        return new String(Files.readAllBytes(dir.resolve("server.log")), StandardCharsets.UTF_8);
    }

    private static long messages(JetStreamManagement streams) {
        try {
            return streams.getStreamInfo(STREAM).getStreamState().getMsgCount();
        } catch (Exception notYet) {
            return -1;
        }
    }

    private static List<Long> oneToN(int n) {
        List<Long> seqs = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            seqs.add(i);
        }
        return seqs;
    }
}
