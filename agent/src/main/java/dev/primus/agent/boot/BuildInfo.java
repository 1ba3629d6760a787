package dev.primus.agent.boot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and build time stamped into the jar by the build. */
public final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    public static String built() {
        return PROPERTIES.getProperty("built", "unknown");
    }

    public static String javaRange() {
        return PROPERTIES.getProperty("java.range", "Java 8 to 25");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/primus-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException ignored) {
            // The version then reads "unknown"; nothing else depends on it.
        }
        return properties;
    }
}
