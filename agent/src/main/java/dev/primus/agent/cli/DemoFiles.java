package dev.primus.agent.cli;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The files a demo run needs, made fresh in its folder: the demo identity provider's RSA key (the
 * public half as a JWKS file the agent reads, the private half for the service to sign tokens
 * with), a Stripe endpoint secret, a hosts file, and the config with every guard enforcing.
 */
final class DemoFiles {
    File config;
    File hosts;
    File audit;

    private DemoFiles() {
    }

    static DemoFiles write(File dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair idp = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) idp.getPublic();
        byte[] secretBytes = new byte[24];
        new SecureRandom().nextBytes(secretBytes);
        String stripeSecret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        DemoFiles files = new DemoFiles();
        files.config = new File(dir, "primus.yaml");
        files.hosts = new File(dir, "hosts");
        files.audit = new File(dir, "audit.jsonl");
        write(new File(dir, "jwks.json"), "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"demo\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + unsigned(publicKey.getModulus()) + "\",\"e\":\"" + unsigned(publicKey.getPublicExponent()) + "\"}]}\n");
        write(new File(dir, "stripe-secret"), stripeSecret + "\n");
        write(new File(dir, "demo.properties"), "idp.key=" + Base64.getEncoder().encodeToString(idp.getPrivate().getEncoded())
                + "\nissuer=https://idp.demo.invalid/\naudience=primus-demo\nstripe.secret=" + stripeSecret + "\n");
        write(files.hosts, "127.0.0.1 localhost\n");
        write(files.config, config(dir));
        return files;
    }

    private static String config(File dir) {
        return "# Made by primus-agent.jar demo: every guard enforcing, on loopback.\n"
                + "service: primus-demo\n"
                + "mode: enforce\n"
                + "egress:\n"
                + "  default: deny\n"
                + "  dns: enforce\n"
                + "  allow:\n"
                + "    - cidr: 127.0.0.1/32\n"
                + "auth:\n"
                + "  default: deny\n"
                + "  jwt:\n"
                + "    - id: demo-idp\n"
                + "      issuer: https://idp.demo.invalid/\n"
                + "      jwks_file: " + new File(dir, "jwks.json") + "\n"
                + "      audiences: [primus-demo]\n"
                + "  webhooks:\n"
                + "    - id: stripe\n"
                + "      provider: stripe\n"
                + "      secret: ${file:" + new File(dir, "stripe-secret") + "}\n"
                + "  rate_limits:\n"
                + "    - id: searches\n"
                + "      key: client_ip\n"
                + "      capacity: 3\n"
                + "      refill_per_second: 0\n"
                + "  rules:\n"
                + "    - match: { path: /health }\n"
                + "      require: public\n"
                + "    - match: { path: \"/orders/**\" }\n"
                + "      require: { any_of: [jwt] }\n"
                + "    - match: { path: /hooks/stripe, methods: [POST] }\n"
                + "      require: { webhook: stripe }\n"
                + "    - match: { path: /search }\n"
                + "      require: public\n"
                + "      rate_limit: searches\n"
                + "audit:\n"
                + "  sinks:\n"
                + "    - type: file\n"
                + "      path: " + new File(dir, "audit.jsonl") + "\n"
                + "      hash_chain: true\n";
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(File file, String text) throws IOException {
        try (OutputStream out = new FileOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
