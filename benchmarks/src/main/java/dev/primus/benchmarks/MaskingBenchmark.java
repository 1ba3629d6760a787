package dev.primus.benchmarks;

import dev.primus.agent.masking.Masker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The masking engine against what operators configure today: the same detectors as a list of
 * {@code java.util.regex} patterns applied one after another (logstash-logback-encoder value
 * masks, Log4j2 {@code %replace}), on a clean and on a PII-dense 200-character log line.
 *
 * <pre>java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main MaskingBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MaskingBenchmark {
    /** 200 characters of an ordinary log line: numbers, words, punctuation, nothing to mask. */
    static final String CLEAN = "2026-11-24 01:23:45.678 INFO [http-nio-8080-exec-3] c.a.orders.OrderService - order 7781"
            + " shipped to warehouse north-7 after 3 retries; latency 42 ms, queue depth 17, cache ratio 0.93 ok; region eu-west";
    /** 200 characters with eight values to mask. */
    static final String DIRTY = "user john.doe@example.com card 4111 1111 1111 1111 ssn 123-45-6789 tel +1 415 555 2671"
            + " auth Bearer abcdef0123456789abcdef key AKIAIOSFODNN7EXAMPLE password=hunter2 iban DE89370400440532013000 (refund)";

    /** The same detectors as regular expressions, as they appear in logging configs. */
    static final List<Pattern> REGEX_LIST = List.of(
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"),
            Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"),
            Pattern.compile("\\+?\\d{1,3}[ -]?\\(?\\d{3}\\)?[ -]?\\d{3}[ -]?\\d{4}\\b"),
            Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b"),
            Pattern.compile("\\b[2-9]\\d{3}[ -]?\\d{4}[ -]?\\d{4}\\b"),
            Pattern.compile("\\b[A-Z]{5}\\d{4}[A-Z]\\b"),
            Pattern.compile("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
            Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]+=*"),
            Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"),
            Pattern.compile("\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
            Pattern.compile("xox[baprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("(?i)(password|passwd|pwd|secret|token|api[_-]?key)(\\s*[=:]\\s*)([^\\s\",;&]+)"));

    private final Masker masker = Masker.builder().build();

    @Benchmark
    public String engineClean() {
        return masker.mask(CLEAN);
    }

    @Benchmark
    public String engineDirty() {
        return masker.mask(DIRTY);
    }

    @Benchmark
    public String regexListClean() {
        return regexList(CLEAN);
    }

    @Benchmark
    public String regexListDirty() {
        return regexList(DIRTY);
    }

    /** One plain pass over the line, for scale: what reading 200 characters costs at all. */
    @Benchmark
    public int plainPassClean() {
        int sum = 0;
        for (int i = 0; i < CLEAN.length(); i++) {
            sum += CLEAN.charAt(i);
        }
        return sum;
    }

    /**
     * Every line of the real-log corpus the masking tests hold (52,802 lines, 6.6 MB of server, client,
     * build and package-manager output nobody here wrote), masked once per operation: what the
     * engine does on machine logs, which are denser in digits, '=' and ':' than {@link #CLEAN}.
     * Divide the corpus's chars (printed at set-up) by the time for chars per nanosecond.
     */
    @State(Scope.Benchmark)
    public static class RealLogs {
        static final Path CORPUS = Path.of("agent/src/test/resources/masking/corpus");
        String[] lines;

        @Setup
        public void load() throws IOException {
            Path corpus = corpusFrom(Path.of("").toAbsolutePath());
            List<String> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(corpus)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                    all.addAll(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
                }
            }
            lines = all.toArray(new String[0]);
            System.out.println("real-log corpus: " + lines.length + " lines, "
                    + all.stream().mapToLong(String::length).sum() + " chars");
        }
    }

    /** The corpus of the repository that holds {@code folder}, looked for from there upwards. */
    static Path corpusFrom(Path folder) {
        for (Path at = folder; at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve(RealLogs.CORPUS))) {
                return at.resolve(RealLogs.CORPUS);
            }
        }
        throw new IllegalStateException(RealLogs.CORPUS + " not found in " + folder + " or above it: run from the repository");
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int engineRealLogs(RealLogs corpus) {
        int changed = 0;
        for (String line : corpus.lines) {
            if (masker.mask(line) != line) {
                changed++;
            }
        }
        return changed;
    }

    static String regexList(String line) {
        String text = line;
        for (Pattern pattern : REGEX_LIST) {
            text = pattern.matcher(text).replaceAll("[MASKED]");
        }
        return text;
    }
}
