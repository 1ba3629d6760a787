package dev.primus.it.compatibility;

import dev.primus.instrumentation.weaving.Patch;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compatibility tables of docs/compatibility.md, generated from what the check read: one row
 * per library jar and version that holds a hooked class, "tested" where a forked-JVM it-test runs
 * an app on it, "tested (version sweep)" where the last passing {@code -Pversion-sweep} run did,
 * "checked-only" where only its class files were checked; and the JDKs checked.
 */
final class CompatibilityTable {
    static final String BEGIN = "<!-- compatibility:begin -->";
    static final String END = "<!-- compatibility:end -->";
    /** The JDKs the agent claims (Java 8 and later) that neither the check nor a test reads here. */
    private static final String UNCHECKED_JDKS = "8, 11, 21";

    private CompatibilityTable() {
    }

    private record Row(String hooks, String library, String version) {
    }

    /** The text between docs/compatibility.md's markers (without them), each line ending in a newline. */
    static String markdown(PatchCatalog catalog, List<PatchDescriptors.Checked> librarySets,
                           List<PatchDescriptors.Checked> jdks, java.util.Set<String> swept) {
        Map<Row, Boolean> tested = new TreeMap<>(Comparator.comparing(Row::hooks).thenComparing(Row::library)
                .thenComparing(Row::version, CompatibilityTable::compareVersions));
        for (PatchDescriptors.Checked set : librarySets) {
            for (Map.Entry<Patch, Origin> held : set.present().entrySet()) {
                Row row = new Row(catalog.hooksOf(held.getKey()), held.getValue().library(), held.getValue().version());
                tested.merge(row, set.source().tested(), Boolean::logicalOr);
            }
        }
        StringBuilder text = new StringBuilder("| hooks | library | version | it-tests |\n|---|---|---|---|\n");
        tested.forEach((row, forked) -> text.append("| ").append(row.hooks()).append(" | ").append(row.library())
                .append(" | ").append(row.version()).append(" | ")
                .append(forked ? "tested" : swept.contains(row.library() + " " + row.version()) ? "tested (version sweep)"
                        : "checked-only").append(" |\n"));
        text.append("\n| JDK | hooks: ").append(String.join(", ", catalog.jdkHooks())).append(" | it-tests |\n|---|---|---|\n");
        for (PatchDescriptors.Checked jdk : jdks) {
            String feature = jdk.source().name().replaceFirst("^JDK ", "");
            text.append("| ").append(feature).append(" | checked | ").append(jdk.source().tested() ? "tested" : "not run")
                    .append(" |\n");
        }
        text.append("| ").append(UNCHECKED_JDKS).append(" | unchecked | not run |\n");
        return text.toString();
    }

    /** The table of docs/compatibility.md: what stands between its first markers, or null where it has none. */
    static String inReadme(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            return null;
        }
        return readme.substring(readme.indexOf('\n', begin) + 1, end);
    }

    /** Numeric parts compare as numbers ({@code 4.1.9} before {@code 4.1.128}), the rest as text. */
    static int compareVersions(String left, String right) {
        String[] a = left.split("[.\\-]");
        String[] b = right.split("[.\\-]");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = a[i].matches("\\d+") && b[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i])) : a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
