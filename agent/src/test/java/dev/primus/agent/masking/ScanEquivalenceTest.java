package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scan that finds its own line breaks judges every message as the engine before it did:
 * digests of what each masking entry point answers (the text, and whether it is the same
 * instance) for generated lines and messages ({@link EquivalenceLines}) and for every line of the
 * real-log corpora, under five configurations, equal those in {@code masking/scan-equivalence.txt},
 * which the engine before that change wrote with {@link #main}.
 *
 * <p>A deliberate change of what a detector masks changes these digests too: check it with the
 * detector's own tests and the corpus test, then write the file again with {@link #main}.
 */
class ScanEquivalenceTest {
    private static final Path GOLDEN = Path.of("src/test/resources/masking/scan-equivalence.txt");
    private static final Path[] CORPORA = {
        Path.of("src/test/resources/masking/corpus"), Path.of("src/test/resources/masking/corpus-holdout2"),
    };
    private static final int LINES = 12_000;
    private static final int BLOCK = 1_000;
    private static final String[] KEYS = {"password", "api_key", "customerPhone", "ssn", "user", "trace", "AWS_SECRET_ACCESS_KEY", null};
    private static final String PREFIX = "2026-11-24 10:11:52 INFO [main] c.e.Orders - ";

    @Test
    void everyEntryPointAnswersAsTheEngineBeforeTheBreakFindingScan() throws IOException {
        Map<String, String> expected = read(GOLDEN);
        Map<String, String> actual = digests();
        List<String> differing = new ArrayList<String>();
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            if (!entry.getValue().equals(actual.get(entry.getKey()))) {
                differing.add(entry.getKey());
            }
        }
        assertEquals(expected.keySet(), actual.keySet());
        assertEquals(new ArrayList<String>(), differing, "blocks whose masked text differs");
    }

    /** Prints the digests of the engine on the class path: the golden file's content. */
    public static void main(String[] args) throws IOException {
        for (Map.Entry<String, String> entry : digests().entrySet()) {
            System.out.println(entry.getKey() + " " + entry.getValue());
        }
    }

    private static Map<String, Masker> maskers() {
        Map<String, Masker> maskers = new TreeMap<String, Masker>();
        maskers.put("default", Masker.builder().build());
        maskers.put("all", Masker.builder().detectors(BuiltInDetector.configNames().split(", ")).build());
        maskers.put("partial", Masker.builder().style("partial").build());
        maskers.put("hash-custom", Masker.builder().style("hash").hashKey("k").custom("order_token", "ORD-[0-9]{6}").build());
        maskers.put("email", Masker.builder().detectors("email").build());
        return maskers;
    }

    private static Map<String, String> digests() throws IOException {
        Map<String, String> digests = new TreeMap<String, String>();
        for (Map.Entry<String, Masker> named : maskers().entrySet()) {
            Masker masker = named.getValue();
            EquivalenceLines lines = new EquivalenceLines(20261124L);
            Digests block = new Digests();
            for (int n = 0; n < LINES; n++) {
                String line = lines.line();
                String key = KEYS[lines.random().nextInt(KEYS.length)];
                block.add("mask", line, masker.mask(line));
                block.add("maskValueOf", line, masker.maskValueOf(key, line));
                StringBuilder text = new StringBuilder(PREFIX).append(line);
                block.add("mask(StringBuilder)", masker.mask(text, PREFIX.length()), text);
                Object[] arguments = new Object[1 + lines.random().nextInt(3)];
                StringBuilder template = new StringBuilder(lines.line());
                StringBuilder formatted = new StringBuilder(template);
                for (int k = 0; k < arguments.length; k++) {
                    arguments[k] = lines.argument();
                    String between = lines.random().nextBoolean() ? " " : lines.token();
                    template.append("{}").append(between);
                    formatted.append(arguments[k]).append(between);
                }
                String message = formatted.toString();
                Masker.MessageParts parts = parts(template.toString(), arguments);
                block.add("maskMessage", message, masker.maskMessage(message, template.toString(), arguments));
                block.add("maskMessageOf", message, masker.maskMessageOf(message, parts, null));
                block.add("maskMessageOf(self)", message, masker.maskMessageOf(message, null, null));
                StringBuilder inPlace = new StringBuilder(PREFIX).append(message);
                block.add("maskMessageOf(StringBuilder)", masker.maskMessageOf(inPlace, PREFIX.length(), parts, null), inPlace);
                if ((n + 1) % BLOCK == 0) {
                    digests.put(named.getKey() + " generated-" + (n + 1) / BLOCK, block.hex());
                    block = new Digests();
                }
            }
            for (Path corpus : CORPORA) {
                try (Stream<Path> files = Files.list(corpus)) {
                    for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".log")).sorted()::iterator) {
                        Digests digest = new Digests();
                        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                            digest.add("mask", line, masker.mask(line));
                        }
                        digests.put(named.getKey() + " " + corpus.getFileName() + "/" + file.getFileName(), digest.hex());
                    }
                }
            }
        }
        return digests;
    }

    private static Masker.MessageParts parts(final String template, final Object[] arguments) {
        return new Masker.MessageParts() {
            @Override
            public String template(Object message) {
                return template;
            }

            @Override
            public Object[] arguments(Object message) {
                return arguments;
            }
        };
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> digests = new TreeMap<String, String>();
        for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = row.lastIndexOf(' ');
            digests.put(row.substring(0, space), row.substring(space + 1));
        }
        return digests;
    }

    /** SHA-256 over each answer: the entry point, the text, and whether the input came back as is. */
    private static final class Digests {
        private final MessageDigest sha;

        Digests() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(String entryPoint, String input, String output) {
            update(entryPoint + (output == input ? " same " : " new ") + output);
        }

        void add(String entryPoint, boolean changed, CharSequence text) {
            update(entryPoint + (changed ? " changed " : " kept ") + text);
        }

        private void update(String text) {
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }

        String hex() {
            StringBuilder hex = new StringBuilder();
            for (byte b : sha.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        }
    }
}
