package dev.primus.benchmarks.overhead;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --requests FILE} format: several requests, each with a method, a URL, headers and an
 * optional body, in the shape of the {@code .http} files IntelliJ and VS Code's REST Client run.
 *
 * <pre>
 * # comment
 * ### a signed webhook (a line starting with ### begins a request; the rest of it is a comment)
 * POST http://127.0.0.1:18080/hooks/stripe
 * Content-Type: application/json
 * X-Signature: sha256={{WEBHOOK_SIGNATURE}}
 *
 * {"type":"payment_intent.succeeded","data":{"order":1042}}
 *
 * ### an order, with a token from the environment
 * GET http://127.0.0.1:18080/orders/1042
 * Authorization: Bearer {{TOKEN}}
 * </pre>
 *
 * <ul>
 * <li>Before a request line, blank lines and comments ({@code #} or {@code //}) are skipped.
 * <li>The request line is {@code METHOD URL}, an optional {@code HTTP/1.1} after it; the URL is absolute.
 * <li>Header lines {@code Name: value} follow it, up to a blank line. Host, Content-Length,
 *     Transfer-Encoding, Connection and the like are the client's to write and are refused.
 * <li>After the blank line, the body runs to the next {@code ###} line or the end of the file;
 *     its lines are joined with LF and trailing blank lines dropped, so it ends with its last
 *     character. For exact bytes (a signature covers them), a body of one line {@code < FILE}
 *     is that file's content, FILE relative to the request file.
 * <li>{@code {{NAME}}} in the URL, a header or the body is the environment variable NAME, so
 *     that tokens are not written into the file; unset is an error.
 * </ul>
 *
 * Errors name the file and line and say what to write instead.
 */
final class RequestFile {
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9_-]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final String fileName;
    private final Path baseDir;
    private final UnaryOperator<String> environment;

    private RequestFile(String fileName, Path baseDir, UnaryOperator<String> environment) {
        this.fileName = fileName;
        this.baseDir = baseDir;
        this.environment = environment;
    }

    /** The requests of {@code file}, with {@code {{NAME}}} from this process's environment. */
    static List<LoadRequest> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--requests " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir, System::getenv);
    }

    /** {@code fileName} names the file in errors and sources; {@code baseDir} resolves {@code < FILE} bodies. */
    static List<LoadRequest> parse(String text, String fileName, Path baseDir, UnaryOperator<String> environment) {
        return new RequestFile(fileName, baseDir, environment).parse(text);
    }

    private List<LoadRequest> parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<LoadRequest> requests = new ArrayList<>();
        int sectionStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i].startsWith("###")) {
                LoadRequest request = section(lines, sectionStart, i);
                if (request != null) {
                    requests.add(request);
                }
                sectionStart = i + 1;
            }
        }
        if (requests.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no request in the file; write one as METHOD URL on a line,"
                    + " such as GET http://127.0.0.1:8080/health, with headers on the lines after it");
        }
        return List.copyOf(requests);
    }

    /** The request in lines [from, to), or null when they hold only comments and blank lines. */
    private LoadRequest section(String[] lines, int from, int to) {
        int line = from;
        while (line < to && isSkipped(lines[line])) {
            line++;
        }
        if (line == to) {
            return null;
        }
        int requestLine = line;
        String[] parts = lines[line].trim().split("\\s+");
        if (parts.length < 2 || parts.length > 3 || parts.length == 3 && !parts[2].matches("HTTP/1\\.[01]")) {
            throw error(line, "'" + lines[line].trim() + "' is not a request line; write METHOD URL, such as"
                    + " GET http://127.0.0.1:8080/orders/1042");
        }
        String method = parts[0];
        if (!METHOD.matcher(method).matches()) {
            throw error(line, "'" + method + "' is not a method; write it in capitals, such as GET or POST");
        }
        URI url = url(line, substitute(line, parts[1]));
        line++;

        List<LoadRequest.Header> headers = new ArrayList<>();
        for (; line < to && !lines[line].isBlank(); line++) {
            if (isComment(lines[line])) {
                continue;
            }
            headers.add(header(line, lines[line]));
        }
        line++; // the blank line that ends the headers

        return new LoadRequest(method, url, headers, body(lines, line, to), fileName + ":" + (requestLine + 1));
    }

    private LoadRequest.Header header(int line, String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw error(line, "header line '" + text + "' has no name and ':'; write Name: value, or leave a blank line"
                    + " before a body");
        }
        String name = text.substring(0, colon);
        if (!HEADER_NAME.matcher(name).matches()) {
            throw error(line, "'" + name + "' is not a header name (letters, digits and !#$%&'*+.^_`|~-, no spaces)");
        }
        if (LoadRequest.CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw error(line, name + " is written by the client from the URL and the body; remove the line");
        }
        return new LoadRequest.Header(name, substitute(line, text.substring(colon + 1).trim()));
    }

    /** The body in lines [from, to): text joined with LF without its trailing blank lines, or {@code < FILE}'s bytes. */
    private byte[] body(String[] lines, int from, int to) {
        int end = to;
        while (end > from && lines[end - 1].isBlank()) {
            end--;
        }
        if (end <= from) {
            return new byte[0];
        }
        if (end - from == 1 && lines[from].startsWith("< ")) {
            Path file = baseDir.resolve(lines[from].substring(2).trim());
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw error(from, "the body file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        StringBuilder body = new StringBuilder();
        for (int line = from; line < end; line++) {
            body.append(line == from ? "" : "\n").append(substitute(line, lines[line]));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private URI url(int line, String text) {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw error(line, "'" + text + "' is not an absolute http:// or https:// URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw error(line, "'" + text + "' is not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1));
        }
    }

    private String substitute(int line, String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String value = environment.apply(variable.group(1));
            if (value == null) {
                throw error(line, "{{" + variable.group(1) + "}} names an environment variable that is not set;"
                        + " export " + variable.group(1) + " before the run");
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(out).toString();
    }

    private static boolean isSkipped(String line) {
        return line.isBlank() || isComment(line);
    }

    private static boolean isComment(String line) {
        String trimmed = line.stripLeading();
        return trimmed.startsWith("#") || trimmed.startsWith("//");
    }

    private IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException(fileName + ":" + (line + 1) + ": " + message);
    }
}
