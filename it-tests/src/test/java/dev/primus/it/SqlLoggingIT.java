package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.it.apps.HibernateLoggingApp;
import dev.primus.it.apps.SpringJdbcLoggingApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real SQL libraries log a statement and then its parameters, as separate messages, when their
 * parameter logging is on: every password they bind is masked through the agent on each JDK,
 * and every other parameter is written as it was. Spring's JdbcTemplate and SimpleJdbcInsert
 * (6.2) and Hibernate (7.4, with {@code format_sql} off and on), through Logback.
 */
class SqlLoggingIT {
    private static final Path CONFIG = Path.of("src/test/resources/logging/sql-loggers.xml").toAbsolutePath();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"spring-jdbc, '', spring-jdbc-6.2, 8", "hibernate, '', hibernate-7.4, 3",
        "hibernate, format_sql, hibernate-7.4, 3"})
    void everyBoundPasswordIsMaskedAndNoOtherParameter(String library, String option, String libs, int secrets,
                                                       @TempDir Path dir) throws Exception {
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, """
                service: sql-logging-it
                logging: { masking: { mode: enforce } }
                audit: { sinks: [ { type: file, path: %s } ] }
                """.formatted(dir.resolve("audit.jsonl")));
        List<String> plain = run(Jdks.all().get(0), libs, null, library, option);
        List<String> plainSecrets = plain.stream().filter(line -> line.contains(SpringJdbcLoggingApp.SECRET_MARK)).toList();
        assertEquals(secrets, plainSecrets.size(), "without the agent the log binds every secret:\n" + String.join("\n", plain));
        for (Path jdk : Jdks.all()) {
            List<String> masked = run(jdk, libs, "config=" + config, library, option);
            String log = String.join("\n", masked);
            assertTrue(masked.stream().noneMatch(line -> line.contains(SpringJdbcLoggingApp.SECRET_MARK)),
                    library + " on " + Jdks.name(jdk) + " wrote a password:\n" + log);
            // The same lines, each secret replaced by the marker; SimpleJdbcInsert's list masks the name
            // before it too, since "Doe, John" reads as two values. Nothing else changes but the email.
            List<String> expected = plain.stream().map(line -> line
                    .replace("John, simple" + SpringJdbcLoggingApp.SECRET_MARK, "[PASSWORD_KV]")
                    .replaceAll("[A-Za-z0-9]*" + SpringJdbcLoggingApp.SECRET_MARK, "[PASSWORD_KV]")
                    .replace("bob@example.com", "[EMAIL]")).toList();
            assertEquals(expected, masked, library + " on " + Jdks.name(jdk));
        }
    }

    private static List<String> run(Path jdk, String libs, String agentArgument, String library, String option)
            throws Exception {
        Class<?> main = library.equals("spring-jdbc") ? SpringJdbcLoggingApp.class : HibernateLoggingApp.class;
        ForkedApp.Builder builder = ForkedApp.on(jdk).classPath(LibrarySets.classPath(main, libs))
                .jvmArg("-Dlogback.configurationFile=" + CONFIG);
        if (agentArgument != null) {
            builder.withAgent(agentArgument);
        }
        try (ForkedApp app = option.isEmpty() ? builder.start(main) : builder.start(main, option)) {
            assertEquals(0, app.awaitExit(Duration.ofSeconds(120)),
                    "stdout:\n" + String.join("\n", app.stdout()) + "\nstderr:\n" + String.join("\n", app.stderr()));
            assertTrue(app.stdout().contains("DONE"));
            assertTrue(app.primusLines().stream().noneMatch(line -> line.contains("agent failure")),
                    "the agent failed inside the app:\n" + String.join("\n", app.primusLines()));
            return app.stdout().stream().filter(line -> !line.equals("DONE")).toList();
        }
    }
}
