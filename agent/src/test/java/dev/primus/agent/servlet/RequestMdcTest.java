package dev.primus.agent.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMdcTest {
    /** Stands for SLF4J's MDC: a thread's map. */
    public static final class Mdc {
        static final ThreadLocal<Map<String, String>> VALUES = ThreadLocal.withInitial(HashMap::new);

        public static void put(String key, String value) {
            VALUES.get().put(key, value);
        }

        public static void remove(String key) {
            VALUES.get().remove(key);
        }

        public static String get(String key) {
            return VALUES.get().get(key);
        }
    }

    /** Stands for Log4j2's ThreadContext bridged to SLF4J (log4j-to-slf4j): the same store. */
    public static final class BridgedContext {
        public static void put(String key, String value) {
            Mdc.put(key, value);
        }

        public static void remove(String key) {
            Mdc.remove(key);
        }

        public static String get(String key) {
            return Mdc.get(key);
        }
    }

    /** Stands for Log4j2's own ThreadContext: a store of its own. */
    public static final class OwnContext {
        static final ThreadLocal<Map<String, String>> VALUES = ThreadLocal.withInitial(HashMap::new);

        public static void put(String key, String value) {
            VALUES.get().put(key, value);
        }

        public static void remove(String key) {
            VALUES.get().remove(key);
        }

        public static String get(String key) {
            return VALUES.get().get(key);
        }
    }

    private static final ClassLoader LOADER = RequestMdcTest.class.getClassLoader();

    @Test
    void aStoreThatWritesToTheFirstIsLeftOut() {
        RequestMdc.Stores stores = RequestMdc.find(LOADER, Mdc.class.getName(), BridgedContext.class.getName());

        assertEquals(1, stores.puts.length);
        assertEquals(1, stores.removes.length);
        assertEquals(1, stores.gets.length);
        assertNull(Mdc.get("primus.mdc.probe"), "the probe is removed again");
    }

    @Test
    void twoStoresAreBothWritten() {
        RequestMdc.Stores stores = RequestMdc.find(LOADER, Mdc.class.getName(), OwnContext.class.getName());

        assertEquals(2, stores.puts.length);
        assertEquals(2, stores.gets.length);
        assertNull(Mdc.get("primus.mdc.probe"));
        assertNull(OwnContext.get("primus.mdc.probe"));
    }

    @Test
    void aStoreTheLoaderDoesNotSeeIsSkipped() {
        RequestMdc.Stores stores = RequestMdc.find(LOADER, "org.example.NoSuchMdc", OwnContext.class.getName());

        assertEquals(1, stores.puts.length);
    }
}
