package dev.primus.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookLedgerTest {
    @Test
    void saysForEachHookInTheOrderArmedWhereItWasWovenOrMissedOrThatNothingLoaded(@TempDir Path dir) throws Exception {
        HookLedger ledger = new HookLedger();
        ledger.armed("Socket.connect", true);
        ledger.armed("ProcessImpl.start", true);
        ledger.armed("ConnectInterceptor.intercept", false);
        ledger.armed("ApplicationFilterChain.doFilter", false);
        ledger.armed("ConnectInterceptor.intercept", false); // a variant: one line still
        ledger.woven("Socket.connect", "java.net.Socket", null);
        ledger.missed("ConnectInterceptor.intercept", "okhttp3.internal.connection.ConnectInterceptor (okhttp 9.9.9): "
                + "intercept(Chain) not found");
        ledger.woven("ConnectInterceptor.intercept", "okhttp3.internal.connection.ConnectInterceptor",
                jar(dir, "okhttp", "4.12.0"));
        ledger.woven("ConnectInterceptor.intercept", "okhttp3.internal.connection.ConnectInterceptor",
                jar(dir, "okhttp", "3.14.9"));
        assertEquals(List.of(
                "Socket.connect: woven in java.net.Socket (JDK)",
                "ProcessImpl.start: armed; its JDK class has not loaded (it is woven when it does)",
                "ConnectInterceptor.intercept: MISSED in okhttp3.internal.connection.ConnectInterceptor (okhttp 9.9.9): "
                        + "intercept(Chain) not found",
                "ConnectInterceptor.intercept: woven in okhttp3.internal.connection.ConnectInterceptor (okhttp 3.14.9), "
                        + "okhttp3.internal.connection.ConnectInterceptor (okhttp 4.12.0)",
                "ApplicationFilterChain.doFilter: armed; no class it hooks has loaded"), ledger.lines());
    }

    /** A jar whose manifest names a library and version, as OkHttp's does. */
    private static URL jar(Path dir, String title, String version) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, title);
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Path jar = dir.resolve(title + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar.toUri().toURL();
    }
}
