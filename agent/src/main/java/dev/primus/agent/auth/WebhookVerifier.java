package dev.primus.agent.auth;

/** A webhook provider's signature check: which header carries the signature, and the verdict on a delivery. */
public interface WebhookVerifier {
    /** The request header that carries the signature. */
    String header();

    /**
     * @param signatureHeader the header's value, or null when absent
     * @param rawBody the request body exactly as received, before any parsing
     */
    Verification verify(String signatureHeader, byte[] rawBody);
}
