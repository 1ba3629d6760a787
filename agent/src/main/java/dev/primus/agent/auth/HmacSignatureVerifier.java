package dev.primus.agent.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;

/**
 * Verifies a webhook delivery signed the generic way ({@code provider: hmac_sha256}): one header
 * holds the HMAC-SHA256 of the raw body, keyed by the secret's UTF-8 bytes, in hex or base64,
 * optionally after a prefix such as {@code sha256=} (GitHub's {@code X-Hub-Signature-256}).
 *
 * <p>Nothing in the signature is time-bound, so a captured delivery can be replayed; providers
 * that sign a timestamp (Stripe) have their own verifier.
 */
public final class HmacSignatureVerifier implements WebhookVerifier {
    /** How the signature bytes are written in the header. */
    public enum Encoding {
        /** Hex digits, either case. */
        HEX,
        /** Standard base64 (RFC 4648 section 4), padding optional. */
        BASE64
    }

    private static final int MAX_HEADER_LENGTH = 1024;
    private static final int SHA256_BYTES = 32;

    private final String webhookId;
    private final HmacSha256 hmac;
    private final String header;
    private final String prefix;
    private final Encoding encoding;

    /**
     * @param webhookId the {@code auth.webhooks[].id}, the principal of a verified delivery
     * @param secret the shared secret
     * @param header the header carrying the signature, {@code X-Hub-Signature-256}
     * @param prefix what precedes the signature in the header, {@code sha256=}, or null or empty for nothing
     * @param encoding how the signature is written
     */
    public HmacSignatureVerifier(String webhookId, String secret, String header, String prefix, Encoding encoding) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook " + webhookId + ": secret is empty; set it from ${env:...}");
        }
        if (header == null || header.isEmpty() || encoding == null) {
            throw new IllegalArgumentException("webhook " + webhookId + ": name the signature header and its encoding (hex or base64)");
        }
        this.webhookId = webhookId;
        this.hmac = new HmacSha256(secret.getBytes(StandardCharsets.UTF_8));
        this.header = header;
        this.prefix = prefix == null ? "" : prefix;
        this.encoding = encoding;
    }

    /** The header the signature is read from. */
    @Override
    public String header() {
        return header;
    }

    /**
     * @param headers the request's headers, of which {@link #header()} is read
     * @param rawBody the request body exactly as received
     */
    @Override
    public Verification verify(RequestHeaders headers, byte[] rawBody) {
        return verify(headers.get(header), rawBody);
    }

    private Verification verify(String signatureHeader, byte[] rawBody) {
        if (signatureHeader == null || signatureHeader.isEmpty()) {
            return Verification.missing("no " + header + " header");
        }
        if (signatureHeader.length() > MAX_HEADER_LENGTH || !signatureHeader.startsWith(prefix)) {
            return Verification.invalid("malformed " + header + " header: not " + prefix + "<" + encodingWord() + ">");
        }
        byte[] presented = decode(signatureHeader.substring(prefix.length()).trim());
        if (presented == null || presented.length != SHA256_BYTES) {
            return Verification.invalid("malformed " + header + " header: not a " + encodingWord() + " HMAC-SHA256");
        }
        byte[] expected = hmac.mac(rawBody == null ? new byte[0] : rawBody);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Verification.invalid("signature mismatch");
        }
        return Verification.accepted(new Authenticated(CredentialKind.WEBHOOK, webhookId, webhookId, null,
                Collections.<String>emptySet()));
    }

    private String encodingWord() {
        return encoding.name().toLowerCase(Locale.ROOT);
    }

    private byte[] decode(String signature) {
        if (encoding == Encoding.HEX) {
            return Hex.decode(signature);
        }
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
