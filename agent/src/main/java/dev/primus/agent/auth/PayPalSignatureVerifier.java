package dev.primus.agent.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Verifies a PayPal webhook delivery itself, without calling PayPal's verify-webhook-signature
 * API: PayPal signs {@code transmission_id|transmission_time|webhook_id|crc32(body)} (the CRC32
 * of the raw body as an unsigned decimal) with the private key of the certificate at
 * {@code PAYPAL-CERT-URL}, and sends the signature base64 in {@code PAYPAL-TRANSMISSION-SIG}.
 *
 * <p>PayPal's SDKs check that signature and little else. This also refuses what they let through:
 * <ul>
 * <li>the algorithm is SHA256withRSA whatever {@code PAYPAL-AUTH-ALGO} says, so the header cannot
 * downgrade the check (a different name is mentioned only in a refusal's reason);</li>
 * <li>the certificate URL must be https on a PayPal host ({@link PayPalCertUrl}), checked before
 * anything is fetched;</li>
 * <li>the certificate must be PayPal's signing certificate, chained to the configured trust anchor
 * ({@link PayPalCertificateCheck}), not merely any certificate the URL serves;</li>
 * <li>the webhook id is the configured one, never one from the request;</li>
 * <li>the transmission time must be within the tolerance of now, either way, and each message is
 * accepted once within it ({@link ReplayCache}).</li>
 * </ul>
 *
 * <p>Order: the headers, the URL and the time window first, so a stale or forged delivery costs
 * no fetch; then the certificate ({@link CertificateCache}: one fetch per URL), the signature, and
 * last the replay check, so only verified deliveries enter the cache and "replayed" is said only
 * of genuine ones. The replay key is the transmission id with the transmission time: both are
 * signed, so a replay repeats both, while a retry PayPal signs afresh is not mistaken for one.
 */
public final class PayPalSignatureVerifier implements WebhookVerifier {
    public static final String TRANSMISSION_ID = "PAYPAL-TRANSMISSION-ID";
    public static final String TRANSMISSION_TIME = "PAYPAL-TRANSMISSION-TIME";
    public static final String TRANSMISSION_SIG = "PAYPAL-TRANSMISSION-SIG";
    public static final String CERT_URL = "PAYPAL-CERT-URL";
    public static final String AUTH_ALGO = "PAYPAL-AUTH-ALGO";
    /** The one algorithm accepted, pinned here rather than read from {@link #AUTH_ALGO}. */
    public static final String ALGORITHM = "SHA256withRSA";

    /** PayPal's ids are UUIDs; this leaves room while keeping the replay cache's keys small. */
    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_TIME_LENGTH = 64;
    /** A 8192-bit RSA signature in base64 is 1368 characters. */
    private static final int MAX_SIGNATURE_LENGTH = 1400;
    private static final int MAX_ALGORITHM_SHOWN = 32;
    /** Verified deliveries remembered at once: thousands a minute at the default tolerance. */
    static final int REPLAY_CAPACITY = 16384;

    private final String id;
    private final String webhookId;
    private final long toleranceSeconds;
    private final Clock clock;
    private final PayPalCertificateCheck certificateCheck;
    private final CertificateCache certificates;
    private final ReplayCache replays = new ReplayCache(REPLAY_CAPACITY);

    /**
     * @param id the {@code auth.webhooks[].id}, the principal of a verified delivery
     * @param webhookId PayPal's id of the webhook ({@code webhook_id}), which PayPal signs into every delivery
     * @param trustAnchors the CA certificates ({@code trust_anchor}) PayPal's signing certificate must chain to
     * @param tolerance how far the transmission time may be from now, either way
     * @param fetcher where signing certificates come from: {@link HttpsCertificateFetcher} in production
     * @param clock the time "now" is read from, for the window and for certificate validity
     */
    public PayPalSignatureVerifier(String id, String webhookId, Collection<X509Certificate> trustAnchors,
            Duration tolerance, CertificateFetcher fetcher, Clock clock) {
        if (webhookId == null || webhookId.isEmpty() || webhookId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("webhook " + id + ": webhook_id must be PayPal's id of the webhook, "
                    + "as the developer dashboard shows it");
        }
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("webhook " + id + ": tolerance must be positive; 300s is the default");
        }
        if (trustAnchors == null || trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("webhook " + id + ": trust_anchor holds no certificate; "
                    + "give the PEM of the CA that issues PayPal's signing certificate");
        }
        this.id = id;
        this.webhookId = webhookId;
        this.toleranceSeconds = tolerance.getSeconds();
        this.clock = clock;
        this.certificateCheck = new PayPalCertificateCheck(trustAnchors);
        this.certificates = new CertificateCache(fetcher, clock);
    }

    /** {@link #TRANSMISSION_SIG}: without it nothing was presented, whatever other PayPal headers came. */
    @Override
    public String header() {
        return TRANSMISSION_SIG;
    }

    /**
     * @param headers the request's headers: the four {@code PAYPAL-TRANSMISSION-*} and {@code PAYPAL-CERT-URL} ones,
     *     and {@code PAYPAL-AUTH-ALGO}, which is read only to explain a refusal
     * @param rawBody the request body exactly as received, before any parsing
     */
    @Override
    public Verification verify(RequestHeaders headers, byte[] rawBody) {
        String signatureHeader = headers.get(TRANSMISSION_SIG);
        if (signatureHeader == null || signatureHeader.isEmpty()) {
            return Verification.missing("no " + TRANSMISSION_SIG + " header");
        }
        String transmissionId = headers.get(TRANSMISSION_ID);
        String transmissionTime = headers.get(TRANSMISSION_TIME);
        String certUrl = headers.get(CERT_URL);
        for (String[] required : new String[][] {{TRANSMISSION_ID, transmissionId}, {TRANSMISSION_TIME, transmissionTime},
                {CERT_URL, certUrl}}) {
            if (required[1] == null || required[1].isEmpty()) {
                return Verification.invalid(TRANSMISSION_SIG + " without a " + required[0] + " header");
            }
        }
        if (transmissionId.length() > MAX_ID_LENGTH || !idCharacters(transmissionId)) {
            return Verification.invalid("malformed " + TRANSMISSION_ID + " header: not an id");
        }
        Instant sent = instant(transmissionTime);
        if (sent == null) {
            return Verification.invalid("malformed " + TRANSMISSION_TIME + " header: not an ISO-8601 time with an offset");
        }
        byte[] signature = base64(signatureHeader);
        if (signature == null) {
            return Verification.invalid("malformed " + TRANSMISSION_SIG + " header: not base64");
        }
        PayPalCertUrl url = PayPalCertUrl.parse(certUrl);
        if (url.refusal() != null) {
            return Verification.invalid(url.refusal());
        }
        Instant now = clock.instant();
        long age = now.getEpochSecond() - sent.getEpochSecond();
        if (age > toleranceSeconds) {
            return Verification.invalid("transmission time older than the tolerance of " + toleranceSeconds + "s (replayed?)");
        }
        if (-age > toleranceSeconds) {
            return Verification.invalid("transmission time further in the future than the tolerance of " + toleranceSeconds + "s");
        }
        List<X509Certificate> served;
        try {
            served = certificates.get(url.url());
        } catch (CertificateException e) {
            return Verification.invalid(e.getMessage());
        }
        String refusal = certificateCheck.refusal(served, Date.from(now));
        if (refusal != null) {
            return Verification.invalid(refusal);
        }
        String signed = transmissionId + "|" + transmissionTime + "|" + webhookId + "|" + crc32(rawBody);
        refusal = signatureRefusal(served.get(0).getPublicKey(), signed, signature);
        if (refusal != null) {
            return Verification.invalid(refusal + algorithmNote(headers.get(AUTH_ALGO)));
        }
        ReplayCache.Admission admission = replays.admit(transmissionId + "|" + transmissionTime,
                (sent.getEpochSecond() + toleranceSeconds + 1) * 1000L, now.toEpochMilli());
        if (admission == ReplayCache.Admission.REPLAYED) {
            return Verification.invalid("replayed transmission id");
        }
        if (admission == ReplayCache.Admission.FULL) {
            return Verification.invalid("replay cache full: " + REPLAY_CAPACITY + " deliveries verified within the tolerance");
        }
        return Verification.accepted(new Authenticated(CredentialKind.WEBHOOK, id, id, null, Collections.<String>emptySet()));
    }

    private static String signatureRefusal(PublicKey key, String signed, byte[] signature) {
        if (!"RSA".equals(key.getAlgorithm())) {
            return "signing certificate key is " + key.getAlgorithm() + ", not RSA";
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature) ? null : "signature mismatch";
        } catch (SignatureException wrongLength) {
            return "signature mismatch";
        } catch (GeneralSecurityException e) {
            return "signature cannot be checked: " + e;
        }
    }

    /** Says what the header claimed when it named another algorithm; it is never used. */
    private static String algorithmNote(String named) {
        if (named == null || named.isEmpty() || named.equalsIgnoreCase(ALGORITHM)) {
            return "";
        }
        boolean plain = named.length() <= MAX_ALGORITHM_SHOWN;
        for (int i = 0; plain && i < named.length(); i++) {
            char c = named.charAt(i);
            plain = Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_';
        }
        return " (" + AUTH_ALGO + " named " + (plain ? named : "another algorithm") + "; only " + ALGORITHM + " is accepted)";
    }

    /** The CRC32 of the body as PayPal writes it: unsigned, decimal. */
    static String crc32(byte[] rawBody) {
        CRC32 crc = new CRC32();
        crc.update(rawBody == null ? new byte[0] : rawBody);
        return Long.toString(crc.getValue());
    }

    private static boolean idCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static Instant instant(String value) {
        if (value.length() > MAX_TIME_LENGTH) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static byte[] base64(String value) {
        if (value.length() > MAX_SIGNATURE_LENGTH) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
