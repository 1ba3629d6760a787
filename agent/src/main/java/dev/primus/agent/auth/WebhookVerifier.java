package dev.primus.agent.auth;

/**
 * A webhook provider's signature check: the verdict on one delivery, from the headers the
 * provider signs with (one for Stripe and hmac_sha256, five for PayPal) and the raw body.
 */
public interface WebhookVerifier {
    /**
     * The header that carries the signature. When a request lacks it nothing was presented: the
     * verdict is missing, and the body need not be read.
     */
    String header();

    /**
     * @param headers the request's headers; the verifier reads {@link #header()} and any others its provider signs with
     * @param rawBody the request body exactly as received, before any parsing
     */
    Verification verify(RequestHeaders headers, byte[] rawBody);
}
