package dev.primus.it.compatibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primus.instrumentation.okhttp.OkHttpPatches;
import dev.primus.it.AppClassPath;
import dev.primus.instrumentation.weaving.Patch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A muzzle-like check at build time: every hook's method (or field) exists in every library
 * version the build holds whose jar has the hooked class, and in the JDKs the tests run on, so that
 * a release that changed a hooked method fails the build instead of leaving the hook unwoven in
 * production. The library sets are the forked-JVM tests' (target/libs/SET, and the test class path
 * their default apps run on) and the check-only ones (target/libs-checked/SET); see it-tests/pom.xml.
 */
class PatchDescriptorsTest {
    private static final Path LIBS = Path.of(System.getProperty("primus.libs", "target/libs"));
    private static final Path LIBS_CHECKED = Path.of(System.getProperty("primus.libs.checked", "target/libs-checked"));
    /** The page holding the compatibility table. */
    private static final Path PAGE = Path.of(System.getProperty("primus.compatibility.page", "../docs/compatibility.md"));
    private static final Path TABLE = Path.of("target/compatibility.md");
    /** The version sweep's sets ({@code -Pversion-sweep}), and what it writes: the library versions it ran. */
    private static final Path LIBS_SWEEP = Path.of(System.getProperty("primus.libs.sweep", "target/libs-sweep"));
    private static final Path SWEPT = Path.of("target/swept.txt");
    /** The last passing sweep's versions, committed: the table marks them tested. */
    private static final String SWEPT_RESOURCE = "/compatibility/swept.txt";

    private static PatchCatalog catalog;
    private static final List<PatchDescriptors.Checked> librarySets = new ArrayList<>();
    private static final List<PatchDescriptors.Checked> jdks = new ArrayList<>();
    /** Why JDK 25 was not checked, or null when it was. */
    private static String jdk25Missing;

    @BeforeAll
    static void checkEveryLibrarySetAndJdk() throws Exception {
        catalog = PatchCatalog.load();
        List<ClassSource> sets = new ArrayList<>(JarSet.under(LIBS, true));
        sets.add(JarSet.of("test-class-path", testClassPathJars(), true));
        sets.addAll(JarSet.under(LIBS_CHECKED, false));
        for (ClassSource set : sets) {
            try (set) {
                librarySets.add(PatchDescriptors.check(catalog.libraryAndShadedCopies(), set));
            }
        }
        try (JdkImage running = JdkImage.at(Path.of(System.getProperty("java.home")), true)) {
            jdks.add(PatchDescriptors.check(catalog.jdk(), running));
        }
        String jdk25 = System.getProperty("primus.jdk25.home");
        if (jdk25 == null || jdk25.isEmpty() || !Files.isRegularFile(Path.of(jdk25, "lib/modules"))) {
            jdk25Missing = "JDK 25 not checked: " + (jdk25 == null || jdk25.isEmpty() ? "primus.jdk25.home is not set"
                    : "no JDK at primus.jdk25.home=" + jdk25);
            System.out.println("[PatchDescriptorsTest] " + jdk25Missing);
        } else {
            try (JdkImage second = JdkImage.at(Path.of(jdk25), true)) {
                jdks.add(PatchDescriptors.check(catalog.jdk(), second));
            }
        }
        if (Boolean.getBoolean("primus.sweep")) {
            writeSweptVersions();
        }
        System.out.println("[PatchDescriptorsTest] " + catalog.library().size() + " library patches against "
                + librarySets.size() + " library sets, " + catalog.jdk().size() + " JDK patches against "
                + jdks.stream().map(jdk -> jdk.source().name()).toList());
    }

    /**
     * Checks the sweep's sets like the others and writes the library versions they hold to
     * target/swept.txt. The sweep's it-tests run on them in the same Maven run, which fails if one
     * does; after a passing sweep the file replaces src/test/resources/compatibility/swept.txt.
     */
    private static void writeSweptVersions() throws IOException {
        java.util.TreeSet<String> versions = new java.util.TreeSet<>();
        for (ClassSource set : JarSet.under(LIBS_SWEEP, true)) {
            try (set) {
                PatchDescriptors.Checked checked = PatchDescriptors.check(catalog.libraryAndShadedCopies(), set);
                assertTrue(checked.problems().isEmpty(), () -> String.join("\n", checked.problems()));
                checked.present().values().forEach(origin -> versions.add(origin.library() + " " + origin.version()));
            }
        }
        Files.write(SWEPT, versions);
        System.out.println("[PatchDescriptorsTest] the version sweep ran on " + versions + "; see " + SWEPT);
    }

    /** The library versions ("library version") the last passing version sweep ran the it-tests on. */
    static java.util.Set<String> sweptVersions() throws IOException {
        try (java.io.InputStream in = PatchDescriptorsTest.class.getResourceAsStream(SWEPT_RESOURCE)) {
            if (in == null) {
                return java.util.Set.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** The jars of the class path the forked apps run on by default (the test apps' own folders aside). */
    private static List<Path> testClassPathJars() {
        return Arrays.stream(AppClassPath.ofTests().split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).map(Path::of).toList();
    }

    @Test
    void everyLibraryHookFitsEverySetThatHoldsItsClass() {
        List<String> problems = librarySets.stream().flatMap(set -> set.problems().stream()).toList();
        assertTrue(problems.isEmpty(), () -> "hooks that do not fit a library version:\n" + String.join("\n", problems));
    }

    @Test
    void everyJdkHookFitsEachJdkThatHoldsItsClass() {
        List<String> problems = jdks.stream().flatMap(jdk -> jdk.problems().stream()).toList();
        assertTrue(problems.isEmpty(), () -> "JDK hooks that do not fit:\n" + String.join("\n", problems));
    }

    /** A hook's variants count together in each set, so each descriptor must also be proven by some version. */
    @Test
    void everyDescriptorFitsSomeCheckedVersion() {
        List<String> problems = new ArrayList<>(PatchDescriptors.fittingNowhere(catalog.library(), librarySets));
        if (jdk25Missing == null) {
            problems.addAll(PatchDescriptors.fittingNowhere(catalog.jdk(), jdks));
        } else {
            System.out.println("[PatchDescriptorsTest] JDK hooks not asked to fit some JDK: " + jdk25Missing);
        }
        assertTrue(problems.isEmpty(), () -> "descriptors no checked version has:\n" + String.join("\n", problems));
    }

    @Test
    void aDescriptorWithOneCharacterChangedIsReportedWithItsSetAndVersion() throws IOException {
        List<Patch> okHttp = new ArrayList<>(OkHttpPatches.all());
        okHttp.set(0, withDescriptor(okHttp.get(0), "(Lokhttp3/Interceptor$Chain;)Lokhttp3/Responze;"));
        try (JarSet okHttp5 = JarSet.of("okhttp-5", jarsIn(LIBS.resolve("okhttp-5")), true)) {
            assertEquals(List.of("okhttp-5 (okhttp-jvm 5.1.0): okhttp3/internal/connection/ConnectInterceptor.intercept"
                            + "(Lokhttp3/Interceptor$Chain;)Lokhttp3/Responze; not found"),
                    PatchDescriptors.check(okHttp, okHttp5).problems());
        }
    }

    /** Beside the real descriptor the wrong one is a variant, which the weaver lets pass: no version proves it. */
    @Test
    void aWrongVariantBesideTheRightOneIsReportedAsFittingNowhere() throws IOException {
        Patch real = OkHttpPatches.all().get(0);
        Patch wrong = withDescriptor(real, "(Lokhttp3/Interceptor$Chain;)Lokhttp3/Responze;");
        try (JarSet okHttp5 = JarSet.of("okhttp-5", jarsIn(LIBS.resolve("okhttp-5")), true)) {
            PatchDescriptors.Checked checked = PatchDescriptors.check(List.of(real, wrong), okHttp5);
            assertEquals(List.of(), checked.problems());
            assertEquals(List.of("okhttp3/internal/connection/ConnectInterceptor.intercept(Lokhttp3/Interceptor$Chain;)"
                            + "Lokhttp3/Responze; fits none of the versions that hold its class: okhttp-5 (okhttp-jvm 5.1.0)"),
                    PatchDescriptors.fittingNowhere(List.of(real, wrong), List.of(checked)));
        }
    }

    @Test
    void readmeCompatibilityTableIsTheGeneratedOne() throws IOException {
        String generated = CompatibilityTable.markdown(catalog, librarySets, jdks, sweptVersions());
        Files.writeString(TABLE, generated);
        assumeTrue(jdk25Missing == null, () -> PAGE + " not compared (" + jdk25Missing + "); the table is in " + TABLE);
        // The sweep's own results reach the table only once its swept.txt is committed: not compared in it.
        assumeTrue(!Boolean.getBoolean("primus.sweep"), () -> PAGE + " not compared in the version sweep; the table is in " + TABLE);
        String inPage = CompatibilityTable.inReadme(Files.readString(PAGE));
        assertNotNull(inPage, PAGE + " has no " + CompatibilityTable.BEGIN + " ... " + CompatibilityTable.END);
        assertEquals(generated, inPage, "docs/compatibility.md's compatibility table is not what the check found;"
                + " replace the lines between " + CompatibilityTable.BEGIN + " and " + CompatibilityTable.END + " with it-tests/" + TABLE);
    }

    /** The same patch (an entry and exit hook) on a method of another descriptor. */
    private static Patch withDescriptor(Patch real, String descriptor) {
        return Patch.enterExit(real.className(), real.methodName(), descriptor, real.argument(), real.bridgeClass(),
                real.enterMethod(), real.enterDescriptor(), real.exitMethod()).inAnyLoader();
    }

    private static List<Path> jarsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
