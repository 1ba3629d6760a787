package dev.primus.agent.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A test CA and the certificates PayPal deliveries are signed under, issued with {@code keytool}
 * (the JDK has no public API that issues certificates). Built once per test JVM: keytool takes a
 * second a run. Dates are fixed, so tests run on a fixed clock at {@link #NOW}.
 */
final class PayPalTestCertificates {
    /** Inside every valid certificate here; after the expired one. */
    static final java.time.Instant NOW = java.time.Instant.parse("2026-06-01T12:00:00Z");
    private static final String PASSWORD = "changeit";
    private static final AtomicInteger ISSUED = new AtomicInteger();
    private static PayPalTestCertificates built;

    /** The test CA, the configured trust anchor. */
    final X509Certificate ca;
    /** {@link #ca} as a PEM file, for {@code trust_anchor}. */
    final Path caPem;
    /** The key every leaf below certifies; deliveries are signed with it. */
    final PrivateKey leafKey;
    /** CN=messageverificationcerts.paypal.com, issued by the CA. */
    final byte[] leaf;
    /** CN=messageverificationcerts.sandbox.paypal.com, issued by the CA. */
    final byte[] sandboxLeaf;
    /** CN=www.paypal.com, issued by the CA. */
    final byte[] wwwLeaf;
    /** CN=messageverificationcerts.paypal.com.attacker.example, issued by the CA. */
    final byte[] attackerSuffixLeaf;
    /** The right CN, issued by the CA, valid for January 2020 only. */
    final byte[] expiredLeaf;
    /** The right CN, issued by another CA. */
    final byte[] rogueLeaf;
    /** The right CN, issued by an intermediate the CA issued; then the root, then the intermediate. */
    final byte[] leafWithChain;

    private PayPalTestCertificates(Path dir) throws Exception {
        keytool(dir, "-genkeypair", "-alias", "ca", "-dname", "CN=Primus Test Root CA, O=Primus Test", "-ext", "bc:c",
                "-startdate", "2020/01/01 00:00:00", "-validity", "7300");
        keytool(dir, "-genkeypair", "-alias", "rogue-ca", "-dname", "CN=Rogue CA", "-ext", "bc:c",
                "-startdate", "2020/01/01 00:00:00", "-validity", "7300");
        keytool(dir, "-genkeypair", "-alias", "intermediate", "-dname", "CN=Primus Test Intermediate CA", "-ext", "bc:c");
        keytool(dir, "-genkeypair", "-alias", "leaf", "-dname", "CN=messageverificationcerts.paypal.com, O=PayPal Test");
        keytool(dir, "-certreq", "-alias", "leaf", "-file", "leaf.csr");
        keytool(dir, "-certreq", "-alias", "intermediate", "-file", "intermediate.csr");
        this.leaf = issue(dir, "ca", "leaf.csr", null, "2025/01/01 00:00:00", 1000);
        this.sandboxLeaf = issue(dir, "ca", "leaf.csr", "CN=messageverificationcerts.sandbox.paypal.com",
                "2025/01/01 00:00:00", 1000);
        this.wwwLeaf = issue(dir, "ca", "leaf.csr", "CN=www.paypal.com", "2025/01/01 00:00:00", 1000);
        this.attackerSuffixLeaf = issue(dir, "ca", "leaf.csr", "CN=messageverificationcerts.paypal.com.attacker.example",
                "2025/01/01 00:00:00", 1000);
        this.expiredLeaf = issue(dir, "ca", "leaf.csr", null, "2020/01/01 00:00:00", 31);
        this.rogueLeaf = issue(dir, "rogue-ca", "leaf.csr", null, "2025/01/01 00:00:00", 1000);
        byte[] intermediate = issue(dir, "ca", "intermediate.csr", null, "2024/01/01 00:00:00", 2000, "-ext", "bc:c");
        byte[] leafUnderIntermediate = issue(dir, "intermediate", "leaf.csr", null, "2025/01/01 00:00:00", 1000);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("keys.p12"))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        this.ca = (X509Certificate) keys.getCertificate("ca");
        this.leafKey = (PrivateKey) keys.getKey("leaf", PASSWORD.toCharArray());
        this.caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, pem(ca));
        this.leafWithChain = concat(leafUnderIntermediate, pem(ca).getBytes(StandardCharsets.US_ASCII), intermediate);
    }

    static synchronized PayPalTestCertificates get() {
        if (built == null) {
            try {
                Path dir = Files.createTempDirectory("primus-paypal-certs");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                built = new PayPalTestCertificates(dir);
            } catch (Exception e) {
                throw new AssertionError("cannot issue the test certificates with keytool", e);
            }
        }
        return built;
    }

    static List<X509Certificate> certificates(byte[] pem) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    private static byte[] issue(Path dir, String issuer, String csr, String dname, String start, int days, String... more)
            throws Exception {
        String out = "issued-" + ISSUED.incrementAndGet() + ".pem";
        List<String> args = new ArrayList<>(List.of("-gencert", "-alias", issuer, "-infile", csr, "-outfile", out, "-rfc",
                "-startdate", start, "-validity", Integer.toString(days)));
        if (dname != null) {
            args.addAll(List.of("-dname", dname));
        }
        args.addAll(List.of(more));
        keytool(dir, args.toArray(new String[0]));
        return Files.readAllBytes(dir.resolve(out));
    }

    private static void keytool(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-keystore", "keys.p12", "-storetype", "PKCS12", "-storepass", PASSWORD));
        if (args[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "RSA", "-keysize", "2048"));
        }
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static byte[] concat(byte[]... parts) {
        StringBuilder all = new StringBuilder();
        for (byte[] part : parts) {
            all.append(new String(part, StandardCharsets.US_ASCII)).append('\n');
        }
        return all.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
