package dev.primus.it.compatibility;

import java.io.IOException;
import java.util.Optional;

/** Where the class files of one library set, or of one JDK, are read from. */
interface ClassSource extends AutoCloseable {
    /** How messages name it: the set's folder, {@code test class path}, or {@code JDK 25}. */
    String name();

    /** Whether a forked-JVM it-test runs the app on these classes. */
    boolean tested();

    /** The class file of that internal name ({@code okhttp3/Call}), or empty where none is here. */
    Optional<ClassFile> find(String internalName) throws IOException;

    @Override
    void close() throws IOException;

    /** A class file's bytes and the library (or JDK) it came from. */
    record ClassFile(byte[] bytes, Origin origin) {
    }
}
