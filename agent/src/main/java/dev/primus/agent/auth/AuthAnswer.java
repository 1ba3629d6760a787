package dev.primus.agent.auth;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response the agent sends in place of the app's when it refuses a request: a status,
 * headers in the order to write them, and the body bytes. A hook writes it as is; it holds
 * nothing specific to a servlet API.
 */
public final class AuthAnswer {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    AuthAnswer(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<String, String>(headers));
        this.body = body.clone();
    }

    public int status() {
        return status;
    }

    /** Header names to values, {@code Content-Type} among them; no {@code Content-Length} (the writer knows it). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The value of {@code name} (compared ignoring case, as HTTP does), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** A copy of the body; write it with {@code Content-Length: body().length}. */
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return status + " " + headers;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AuthAnswer)) {
            return false;
        }
        AuthAnswer that = (AuthAnswer) other;
        return status == that.status && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
    }
}
