package dev.primus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent tells the truth about what it wove: a library release whose hooked method changed is
 * said, not silently left unguarded. The test builds "OkHttp 9.9.9", a jar whose
 * {@code ConnectInterceptor} has {@code intercept(Object)} instead of {@code intercept(Chain)},
 * and an app that loads it; on JDK 17 and 25 the agent prints the warning with the library's name
 * and version and audits {@code hook_missed}, its start-up line counts what it wove, and
 * {@code status PID} lists what each hook did (on JDK 25 under {@code -XX:-EnableDynamicAgentLoading}).
 */
class PatchCoverageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static List<Path> jdks() {
        return Jdks.all();
    }

    private static Path changedOkHttp(Path dir) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/okhttp3/internal/connection"));
        Files.writeString(sources.resolve("ConnectInterceptor.java"), String.join("\n",
                "package okhttp3.internal.connection;",
                "public final class ConnectInterceptor {",
                "    public Object intercept(Object chain) { return chain; }",
                "}", ""));
        Path app = Files.createDirectories(dir.resolve("src/app"));
        Files.writeString(app.resolve("LoadsOkHttp.java"), String.join("\n",
                "package app;",
                "public final class LoadsOkHttp {",
                "    public static void main(String[] args) throws Exception {",
                "        new okhttp3.internal.connection.ConnectInterceptor().intercept(null);",
                "        System.out.println(\"LOADED\");",
                "        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();",
                "    }",
                "}", ""));
        Files.writeString(app.resolve("LoadsOkHttpAndExits.java"), String.join("\n",
                "package app;",
                "public final class LoadsOkHttpAndExits {",
                "    public static void main(String[] args) {",
                "        new okhttp3.internal.connection.ConnectInterceptor().intercept(null);",
                "    }",
                "}", ""));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "8", "-d", classes.toString(),
                sources.resolve("ConnectInterceptor.java").toString(), app.resolve("LoadsOkHttp.java").toString(),
                app.resolve("LoadsOkHttpAndExits.java").toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "okhttp");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9.9.9");
        Path jar = dir.resolve("okhttp-9.9.9.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            String entry = "okhttp3/internal/connection/ConnectInterceptor.class";
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aHookWhoseMethodChangedIsSaidAndAudited(Path jdk, @TempDir Path dir) throws Exception {
        Path jar = changedOkHttp(dir);
        Path audit = dir.resolve("audit.jsonl");
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: hooks-it\nmode: monitor\naudit:\n  sinks:\n    - type: file\n      path: " + audit + "\n");
        ForkedApp.Builder builder = ForkedApp.on(jdk).withAgent("config=" + config);
        if (Jdks.name(jdk).contains("25")) {
            // status loads no agent: it must work where loading one is refused (JDK 21 and later know the flag).
            builder.jvmArg("-XX:-EnableDynamicAgentLoading");
        }
        try (ForkedApp app = builder.classPath(jar + java.io.File.pathSeparator + dir.resolve("classes")).start("app.LoadsOkHttp")) {
            app.awaitStdout("LOADED"::equals, TIMEOUT);
            String warning = app.awaitStderr(line -> line.startsWith("[primus] WARN hook ConnectInterceptor.intercept"), TIMEOUT);
            assertEquals("[primus] WARN hook ConnectInterceptor.intercept: okhttp3.internal.connection.ConnectInterceptor "
                    + "loaded (okhttp 9.9.9) but intercept(Chain) not found; egress there falls back to the socket check "
                    + "(url rules cannot allow it)", warning);
            String started = app.awaitStderr(line -> line.startsWith("[primus] Primus Agent "), TIMEOUT);
            assertTrue(started.matches(".* \\d+ JDK methods woven, \\d+ library hooks armed"), started);
            assertTrue(!started.contains(" 0 JDK methods woven"), started);
            assertStatusSaysWhatEachHookDid(jdk, app.pid());
            List<String> events = AuditTrail.awaitLinesMatching(audit, line -> line.contains("\"reason\":\"hook_missed\""));
            assertTrue(events.stream().anyMatch(line -> line.contains("\"reason\":\"hook_missed\"")
                    && line.contains("\"library\":\"okhttp 9.9.9\"") && line.contains("\"missing\":\"intercept(Chain)\"")),
                    events.toString());
            app.sendLine("quit");
            assertEquals(0, app.awaitExit(TIMEOUT));
        }
    }

    /** {@code status PID} lists, for each hook, where it was woven and where its method was missing, with the library. */
    private static void assertStatusSaysWhatEachHookDid(Path jdk, long pid) throws Exception {
        try (ForkedApp status = ForkedApp.cli(jdk, "status", Long.toString(pid))) {
            assertEquals(0, status.awaitExit(TIMEOUT), String.join("\n", status.stderr()));
            List<String> lines = status.stdout();
            assertTrue(lines.get(0).startsWith("Primus Agent ") && lines.get(0).contains("service hooks-it"), lines.toString());
            assertTrue(lines.get(1).matches("config .*primus\\.yaml sha256 [0-9a-f]{64} generation 1"), lines.toString());
            assertTrue(lines.get(2).matches("audit to file:.*audit\\.jsonl; 0 events dropped since start \\(queue full\\)"),
                    lines.toString());
            assertTrue(lines.contains("  ConnectInterceptor.intercept: MISSED in okhttp3.internal.connection.ConnectInterceptor "
                    + "(okhttp 9.9.9): intercept(Chain) not found"), lines.toString());
            assertTrue(lines.contains("  Socket.connect: woven in java.net.Socket (JDK)"), lines.toString());
            assertTrue(lines.contains("  ApplicationFilterChain.doFilter: armed; no class it hooks has loaded"), lines.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void statusSaysNoAgentAnswersInAJvmWithoutOne(Path jdk, @TempDir Path dir) throws Exception {
        Path jar = changedOkHttp(dir);
        try (ForkedApp app = ForkedApp.on(jdk).classPath(jar + java.io.File.pathSeparator + dir.resolve("classes"))
                .start("app.LoadsOkHttp");
             ForkedApp status = awaitLoaded(app, jdk)) {
            assertEquals(1, status.awaitExit(TIMEOUT), String.join("\n", status.stderr()));
            assertTrue(status.stderr().stream().anyMatch(line -> line.startsWith("no Primus Agent answers in JVM ")),
                    status.stderr().toString());
            app.sendLine("quit");
        }
    }

    private static ForkedApp awaitLoaded(ForkedApp app, Path jdk) throws Exception {
        app.awaitStdout("LOADED"::equals, TIMEOUT);
        return ForkedApp.cli(jdk, "status", Long.toString(app.pid()));
    }

    /** An app that ends right after the class loads: the agent still says it before the JVM is gone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aMissedHookIsSaidEvenWhenTheAppEndsAtOnce(Path jdk, @TempDir Path dir) throws Exception {
        Path jar = changedOkHttp(dir);
        Path config = dir.resolve("primus.yaml");
        Files.writeString(config, "service: hooks-it\nmode: monitor\n");
        try (ForkedApp app = ForkedApp.on(jdk).withAgent("config=" + config)
                .classPath(jar + java.io.File.pathSeparator + dir.resolve("classes")).start("app.LoadsOkHttpAndExits")) {
            assertEquals(0, app.awaitExit(TIMEOUT));
            assertTrue(app.primusLines().stream().anyMatch(line -> line.startsWith("[primus] WARN hook ConnectInterceptor.intercept")),
                    app.primusLines().toString());
        }
    }
}
