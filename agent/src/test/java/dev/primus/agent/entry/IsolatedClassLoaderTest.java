package dev.primus.agent.entry;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class IsolatedClassLoaderTest {
    /** Read from the system class loader's parents, not by a reflective call: the same loader. */
    @Test
    void findsThePlatformClassLoader() {
        assertSame(ClassLoader.getPlatformClassLoader(), IsolatedClassLoader.platformLoader());
    }
}
