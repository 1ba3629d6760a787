package dev.primus.it.compatibility;

import dev.primus.instrumentation.weaving.Patch;
import dev.primus.instrumentation.weaving.PatchWeaver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The build-time counterpart of the agent's hook report: whether each patch fits the class files
 * of a library set or a JDK, judged by the weaver itself ({@link PatchWeaver#wovenInto},
 * {@link PatchWeaver#missed}): the method (name and descriptor) or field exists in a shape the patch
 * can wrap, one of a hook's variants fitting for all of them, and the getters an argument is read
 * through exist. A class the set does not hold is not its library's: nothing to check there.
 */
final class PatchDescriptors {
    private PatchDescriptors() {
    }

    /**
     * What checking patches against one source found: the problems, one line each; the patches
     * whose class the source holds, with the library that class came from; and those that fit.
     */
    record Checked(ClassSource source, List<String> problems, Map<Patch, Origin> present, Set<Patch> woven) {
    }

    static Checked check(List<Patch> patches, ClassSource source) throws IOException {
        Map<String, List<Patch>> byClass = new LinkedHashMap<>();
        for (Patch patch : patches) {
            byClass.computeIfAbsent(patch.className(), name -> new ArrayList<>()).add(patch);
        }
        List<String> problems = new ArrayList<>();
        Map<Patch, Origin> present = new LinkedHashMap<>();
        Set<Patch> woven = new HashSet<>();
        ClassLoader getterOwners = readingFrom(source);
        for (Map.Entry<String, List<Patch>> forClass : byClass.entrySet()) {
            Optional<ClassSource.ClassFile> file = source.find(forClass.getKey());
            if (file.isEmpty()) {
                continue;
            }
            List<Patch> classPatches = forClass.getValue();
            Set<Patch> fit = PatchWeaver.wovenInto(file.get().bytes(), classPatches);
            woven.addAll(fit);
            String where = source.name() + " (" + file.get().origin() + "): ";
            for (Patch patch : classPatches) {
                present.put(patch, file.get().origin());
                if (PatchWeaver.missed(patch, classPatches, fit)) {
                    problems.add(where + target(patch) + " not found");
                }
                String getter = PatchWeaver.missingGetter(getterOwners, patch);
                if (getter != null) {
                    problems.add(where + getter + " not found, which " + patch.hookName() + " reads its argument through");
                }
            }
        }
        return new Checked(source, problems, present, woven);
    }

    /**
     * The patches no checked source fits, each with the sources that hold its class: a descriptor
     * no supported version has (a typo, or a variant for a version no set holds) is never proven.
     */
    static List<String> fittingNowhere(List<Patch> patches, Collection<Checked> checked) {
        List<String> problems = new ArrayList<>();
        for (Patch patch : patches) {
            if (checked.stream().anyMatch(result -> result.woven().contains(patch))) {
                continue;
            }
            List<String> holders = checked.stream().filter(result -> result.present().containsKey(patch))
                    .map(result -> result.source().name() + " (" + result.present().get(patch) + ")").toList();
            problems.add(target(patch) + (holders.isEmpty()
                    ? ": its class is in no checked set; add a set that holds it to it-tests/pom.xml"
                    : " fits none of the versions that hold its class: " + String.join(", ", holders)));
        }
        return problems;
    }

    /** The method or field a patch needs, as the JVM names it: {@code okhttp3/Foo.bar(Lokhttp3/Baz;)V}. */
    static String target(Patch patch) {
        return patch.kind() == Patch.Kind.FILTER_STORE
                ? patch.className() + "." + patch.methodName() + " " + patch.methodDescriptor() + " (field)"
                : patch.className() + "." + patch.methodName() + patch.methodDescriptor();
    }

    /**
     * The source as the weaver's getter check reads owners, a class loader's resources; an owner it
     * does not hold is read from the running JDK (a library's getter on a JDK class).
     */
    private static ClassLoader readingFrom(ClassSource source) {
        return new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                try {
                    Optional<ClassSource.ClassFile> file = source.find(name.replaceFirst("\\.class$", ""));
                    return file.isPresent() ? new ByteArrayInputStream(file.get().bytes()) : super.getResourceAsStream(name);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
