package dev.primus.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads an audit file that the agent's writer thread fills behind the app's back. A request is
 * answered before its event reaches the file, so a test that read once would race the writer;
 * these methods read again until what the test expects is there or a deadline passes.
 *
 * <p>Every line returned has been checked against {@code docs/audit-event.schema.json}, the
 * published schema of the agent's own format, by a JSON Schema validator we did not write: so
 * every test that reads a trail checks the real output of the guards it drives against the
 * schema. Lines in OCSF ({@code format: ocsf}) are checked against the OCSF schema elsewhere.
 */
public final class AuditTrail {
    /** Long enough for a loaded two-core CI machine; a passing test returns as soon as the lines are there. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = loadSchema();

    private AuditTrail() {
    }

    /**
     * The file's complete lines once every expectation matches at least one of them, or, when the
     * deadline passes first, the lines as they are then, so that the caller's assertions fail
     * with the whole trail in their message.
     */
    @SafeVarargs
    public static List<String> awaitLinesMatching(Path file, Predicate<String>... expectations)
            throws IOException, InterruptedException {
        return await(file, lines -> {
            for (Predicate<String> expected : expectations) {
                if (lines.stream().noneMatch(expected)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The file's complete lines once they number at least {@code count}, or as they are at the deadline. */
    public static List<String> awaitAtLeast(Path file, int count) throws IOException, InterruptedException {
        return await(file, lines -> lines.size() >= count);
    }

    /** The file's complete lines once {@code complete} holds for them, or as they are at the deadline. */
    public static List<String> await(Path file, Predicate<List<String>> complete) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<String> lines = completeLines(file);
        while (!complete.test(lines) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            lines = completeLines(file);
        }
        for (String line : lines) {
            assertMatchesSchema(file, line);
        }
        return lines;
    }

    /**
     * Fails, naming the line and what is wrong, when {@code line} is a JSON object but not an event
     * as the published schema describes it. Other lines are not audit lines: some tests wait on
     * another file the same way (a resolver's query log).
     */
    public static void assertMatchesSchema(Path file, String line) throws IOException {
        if (!line.startsWith("{") || line.startsWith("{\"class_uid\":")) {
            return;
        }
        Set<ValidationMessage> problems = SCHEMA.validate(JSON.readTree(line));
        if (!problems.isEmpty()) {
            throw new AssertionError(file + ": a line does not match docs/audit-event.schema.json: " + problems + "\n" + line);
        }
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = Files.newInputStream(Path.of("..", "docs", "audit-event.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only lines that end in a newline: the writer may be half-way through the last one. */
    private static List<String> completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            lines.add(text.substring(start, newline));
            start = newline + 1;
        }
        return lines;
    }
}
