package dev.primus.agent.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Verifies a Stripe webhook delivery as Stripe's own libraries do: the header
 * {@code Stripe-Signature: t=1700000000,v1=HEX,v1=HEX,v0=HEX} carries a timestamp and one or
 * more signatures; each {@code v1} is the lower-case hex HMAC-SHA256 of
 * {@code t + "." + rawBody}, keyed by the whole endpoint secret (the {@code whsec_...} string,
 * prefix included) as UTF-8. Any one {@code v1} may match: during a secret roll Stripe signs
 * with the old and the new secret. {@code v0} and unknown keys are ignored.
 *
 * <p>The timestamp is what stops replay: it is signed, so a captured delivery can only be
 * replayed within the tolerance. Stripe's libraries reject only old timestamps; this also
 * rejects ones further in the future than the tolerance, which only a forged or a replayed
 * delivery paired with a skewed clock could carry.
 */
public final class StripeSignatureVerifier implements WebhookVerifier {
    /** The header Stripe signs deliveries in. */
    public static final String HEADER = "Stripe-Signature";
    /** Headers beyond this are not Stripe's; refused before any parsing or HMAC work. */
    private static final int MAX_HEADER_LENGTH = 4096;
    /** A secret roll gives two; a few more leave room without letting a header buy unbounded compares. */
    private static final int MAX_SIGNATURES = 8;
    private static final int SHA256_BYTES = 32;

    private final String webhookId;
    private final HmacSha256 hmac;
    private final long toleranceSeconds;
    private final Clock clock;

    /**
     * @param webhookId the {@code auth.webhooks[].id}, the principal of a verified delivery
     * @param secret the endpoint secret, {@code whsec_...}, as Stripe shows it
     * @param tolerance how far the signed timestamp may be from now, either way (Stripe: 300s)
     * @param clock the time "now" is read from
     */
    public StripeSignatureVerifier(String webhookId, String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook " + webhookId + ": secret is empty; set it from ${env:...}");
        }
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("webhook " + webhookId + ": tolerance must be positive, 300s is Stripe's");
        }
        this.webhookId = webhookId;
        this.hmac = new HmacSha256(secret.getBytes(StandardCharsets.UTF_8));
        this.toleranceSeconds = tolerance.getSeconds();
        this.clock = clock;
    }

    @Override
    public String header() {
        return HEADER;
    }

    /**
     * @param headers the request's headers, of which {@link #HEADER} is read
     * @param rawBody the request body exactly as received, before any parsing
     */
    @Override
    public Verification verify(RequestHeaders headers, byte[] rawBody) {
        return verify(headers.get(HEADER), rawBody);
    }

    private Verification verify(String signatureHeader, byte[] rawBody) {
        if (signatureHeader == null || signatureHeader.isEmpty()) {
            return Verification.missing("no " + HEADER + " header");
        }
        if (signatureHeader.length() > MAX_HEADER_LENGTH) {
            return Verification.invalid("malformed " + HEADER + " header: longer than " + MAX_HEADER_LENGTH);
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<String>();
        for (String item : signatureHeader.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals <= 0) {
                return Verification.invalid("malformed " + HEADER + " header: an item is not key=value");
            }
            String name = item.substring(0, equals).trim();
            String value = item.substring(equals + 1).trim();
            if (name.equals("t")) {
                if (timestamp != null) {
                    return Verification.invalid("malformed " + HEADER + " header: two timestamps");
                }
                timestamp = epochSeconds(value);
                if (timestamp == null) {
                    return Verification.invalid("malformed " + HEADER + " header: t is not a Unix time in seconds");
                }
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null) {
            return Verification.invalid("malformed " + HEADER + " header: no t timestamp");
        }
        if (signatures.isEmpty()) {
            return Verification.invalid("no v1 signature in " + HEADER + " header");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            return Verification.invalid("malformed " + HEADER + " header: more than " + MAX_SIGNATURES + " v1 signatures");
        }
        byte[] expected = hmac.mac(
                (Long.toString(timestamp) + ".").getBytes(StandardCharsets.UTF_8), rawBody == null ? new byte[0] : rawBody);
        if (!anyMatches(expected, signatures)) {
            return Verification.invalid("signature mismatch");
        }
        // Checked after the signature, as Stripe does: an old timestamp is reported only when the
        // delivery is genuine, which is when "replayed" is the right word for it.
        long age = clock.instant().getEpochSecond() - timestamp;
        if (age > toleranceSeconds) {
            return Verification.invalid("timestamp older than the tolerance of " + toleranceSeconds + "s (replayed?)");
        }
        if (-age > toleranceSeconds) {
            return Verification.invalid("timestamp further in the future than the tolerance of " + toleranceSeconds + "s");
        }
        return Verification.accepted(new Authenticated(CredentialKind.WEBHOOK, webhookId, webhookId, null,
                Collections.<String>emptySet()));
    }

    private static boolean anyMatches(byte[] expected, List<String> signatures) {
        boolean matched = false;
        for (String signature : signatures) {
            byte[] presented = Hex.decode(signature);
            // No early exit, so the time does not say which of the signatures matched.
            boolean same = presented != null && presented.length == SHA256_BYTES && MessageDigest.isEqual(expected, presented);
            matched |= same;
        }
        return matched;
    }

    /** Digits only, at most 12 (Unix seconds until the year 33658); null otherwise. */
    private static Long epochSeconds(String value) {
        if (value.isEmpty() || value.length() > 12) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        return Long.valueOf(value);
    }
}
