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
 */
final class ServletAuthRequest implements AuthRequest {
    private final ServletApi api;
    private final Object request;
    private final int maxBodyBytes;
    private String method;
    private String rawPath;
    /** What was read of the body; null until a rule asks for it. */
    private byte[] consumed;
    /** Whether {@link #consumed} is the whole body. */
    private boolean complete;

    ServletAuthRequest(ServletApi api, Object request, int maxBodyBytes) {
        this.api = api;
        this.request = request;
        this.maxBodyBytes = maxBodyBytes;
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
        String canonical = RequestPaths.normalise(rawPath());
        return canonical != null ? canonical : rawPath();
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
