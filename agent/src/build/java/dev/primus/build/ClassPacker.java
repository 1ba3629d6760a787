package dev.primus.build;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step: moves the hidden classes start-up needs into one pack, {@code inst/classes.pack},
 * which the agent's {@code IsolatedClassLoader} reads in one go (its class comment says why).
 *
 * <p>Format, big-endian as {@link DataOutputStream} writes it: the magic {@code 0x50524D31}
 * ("PRM1"), the class count, then per class its binary name ({@code writeUTF}) and byte length,
 * then every class's bytes in that order.
 *
 * <pre>java dev.primus.build.ClassPacker INST_DIR PREFIX,... EXCLUDED_PREFIX,...</pre>
 * Packs every {@code .classdata} under INST_DIR whose path starts with one of the prefixes and
 * none of the excluded ones, and deletes it there.
 */
public final class ClassPacker {
    static final int MAGIC = 0x50524D31;
    private static final String SUFFIX = ".classdata";

    private ClassPacker() {
    }

    public static void main(String[] args) throws IOException {
        Path inst = Paths.get(args[0]);
        List<String> included = Arrays.asList(args[1].split(","));
        List<String> excluded = args.length > 2 ? Arrays.asList(args[2].split(",")) : new ArrayList<String>();
        List<Path> classes;
        try (Stream<Path> files = Files.walk(inst)) {
            classes = files.filter(file -> file.toString().endsWith(SUFFIX))
                    .filter(file -> packs(inst.relativize(file).toString().replace('\\', '/'), included, excluded))
                    .sorted()
                    .collect(Collectors.toList());
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no class under " + inst + " matches " + included);
        }
        try (OutputStream out = Files.newOutputStream(inst.resolve("classes.pack"))) {
            write(inst, classes, out);
        }
        for (Path file : classes) {
            Files.delete(file);
        }
        System.out.println("[class-pack] " + classes.size() + " classes packed into " + inst.resolve("classes.pack"));
    }

    static boolean packs(String path, List<String> included, List<String> excluded) {
        return included.stream().anyMatch(path::startsWith) && excluded.stream().noneMatch(path::startsWith);
    }

    static void write(Path inst, List<Path> classes, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        out.writeInt(classes.size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Path file : classes) {
            String path = inst.relativize(file).toString().replace('\\', '/');
            byte[] data = Files.readAllBytes(file);
            out.writeUTF(path.substring(0, path.length() - SUFFIX.length()).replace('/', '.'));
            out.writeInt(data.length);
            bytes.write(data);
        }
        bytes.writeTo(out);
        out.flush();
    }
}
