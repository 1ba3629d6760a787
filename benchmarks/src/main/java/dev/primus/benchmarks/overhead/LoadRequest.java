package dev.primus.benchmarks.overhead;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request of the load: method, absolute URL, headers and body, and where the operator wrote
 * it ({@code requests.http:12}, or {@code --request}) so that a report or an error can point there.
 */
record LoadRequest(String method, URI url, List<Header> headers, byte[] body, String source) {
    /** Headers the client writes itself, from the URL and the body; a request that set them would contradict it. */
    static final Set<String> CLIENT_HEADERS = Set.of("host", "content-length", "transfer-encoding", "connection",
            "expect", "upgrade", "te", "trailer", "keep-alive");

    record Header(String name, String value) {
    }

    LoadRequest {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    static LoadRequest get(URI url, String source) {
        return new LoadRequest("GET", url, List.of(), new byte[0], source);
    }

    /** {@code GET http://127.0.0.1:8080/orders/1042}: how the report names it. */
    String label() {
        return method + " " + url;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    boolean hasBody() {
        return body.length > 0;
    }

    /** A HEAD answer has no body, whatever its Content-Length says. */
    boolean isHead() {
        return method.equals("HEAD");
    }

    /**
     * The request as HTTP/1.1 puts it on the wire, keep-alive (the 1.1 default, so no
     * {@code Connection} header): encoded once, written as is for every send.
     */
    byte[] http11() {
        StringBuilder head = new StringBuilder(128);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        head.append(method).append(' ').append(path);
        if (url.getRawQuery() != null) {
            head.append('?').append(url.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(url.getHost());
        if (url.getPort() != -1) {
            head.append(':').append(url.getPort());
        }
        head.append("\r\n");
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        // A POST without a body still says so: a server may otherwise wait for one, or answer 411.
        if (hasBody() || Set.of("POST", "PUT", "PATCH").contains(method.toUpperCase(Locale.ROOT))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + body.length);
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }
}
