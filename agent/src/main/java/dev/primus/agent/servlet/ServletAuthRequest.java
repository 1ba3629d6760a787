package dev.primus.agent.servlet;

import dev.primus.agent.auth.AuthRequest;
import dev.primus.agent.auth.RequestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A servlet request as the auth engine reads it. The body is read only when a rule asks for it
 * (a webhook signature), at most {@code auth.max_body_bytes}, and the app then gets a request
 * that replays those bytes exactly.
 *
 * <p>Reused: each thread judges its requests through one ({@link RequestThread}), set to a
 * request by {@link #reading} and emptied by {@link #clear} once the request is judged.
 */
final class ServletAuthRequest implements AuthRequest {
    private ServletApi api;
    private Object request;
    private int maxBodyBytes;
    private String method;
    private String rawPath;
    /** What was read of the body; null until a rule asks for it. */
    private byte[] consumed;
    /** Whether {@link #consumed} is the whole body. */
    private boolean complete;

    /** This view, now of {@code request}, with nothing read of it yet. */
    ServletAuthRequest reading(ServletApi api, Object request, int maxBodyBytes) {
        this.api = api;
        this.request = request;
        this.maxBodyBytes = maxBodyBytes;
        this.method = null;
        this.rawPath = null;
        this.consumed = null;
        this.complete = false;
        return this;
    }

    /** Forgets the request, so that a thread's idle view holds neither it nor its body. */
    void clear() {
        reading(null, null, 0);
    }

    ServletApi api() {
        return api;
    }

    Object request() {
        return request;
    }

    @Override
    public String method() {
        if (method == null) {
            method = api.method(request);
        }
        return method;
    }

    @Override
    public String rawPath() {
        if (rawPath == null) {
            rawPath = api.pathInApp(request);
        }
        return rawPath;
    }

    /**
     * The {@code route} of audit events: the canonical path the rules saw, or the raw path when
     * that was refused. Computed again when an event needs it, not kept by every decision.
     */
    String route() {
        String raw = rawPath();
        return raw != null ? route(raw) : api.requestUri(request); // no context path found in it: as sent
    }

    /** The {@code route} of a request with this raw path. */
    static String route(String rawPath) {
        String canonical = RequestPaths.normalise(rawPath);
        return canonical != null ? canonical : rawPath;
    }

    @Override
    public String get(String name) {
        return api.header(request, name);
    }

    @Override
    public String clientIp() {
        return api.remoteAddr(request);
    }

    @Override
    public byte[] body() {
        if (consumed == null) {
            read();
        }
        return complete ? consumed : null;
    }

    /** The request the app should run with: this one, or one replaying what was read of its body. */
    Object requestForApp() {
        return consumed == null || consumed.length == 0 ? request : BodyReplay.wrap(api, request, consumed, complete);
    }

    /**
     * Reads the body up to the limit. A body declared larger is not touched; one found larger
     * while reading is kept as far as it was read, and the app reads on from there.
     */
    private void read() {
        consumed = new byte[0];
        int declared = api.contentLength(request);
        if (declared > maxBodyBytes) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? declared : 256);
        byte[] buffer = new byte[Math.min(8192, maxBodyBytes + 1)];
        try {
            InputStream in = api.inputStream(request);
            int read;
            while (bytes.size() <= maxBodyBytes
                    && (read = in.read(buffer, 0, Math.min(buffer.length, maxBodyBytes + 1 - bytes.size()))) >= 0) {
                bytes.write(buffer, 0, read);
            }
            complete = bytes.size() <= maxBodyBytes;
        } catch (IOException | RuntimeException e) {
            complete = false;
        }
        consumed = bytes.toByteArray();
    }
}
