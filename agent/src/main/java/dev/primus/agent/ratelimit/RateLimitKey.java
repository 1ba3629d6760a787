package dev.primus.agent.ratelimit;

/** Which request attribute names the bucket a request draws from ({@code auth.rate_limits[].key}). */
public enum RateLimitKey {
    TENANT("tenant"),
    PRINCIPAL("principal"),
    API_KEY("api_key"),
    CLIENT_IP("client_ip");

    private final String word;

    RateLimitKey(String word) {
        this.word = word;
    }

    /** The word the config uses. */
    public String word() {
        return word;
    }

    /** @throws IllegalArgumentException for a word the schema does not allow */
    public static RateLimitKey fromWord(String word) {
        for (RateLimitKey key : values()) {
            if (key.word.equals(word)) {
                return key;
            }
        }
        throw new IllegalArgumentException("rate limit key " + word + " is not one of tenant, principal, api_key, client_ip");
    }
}
