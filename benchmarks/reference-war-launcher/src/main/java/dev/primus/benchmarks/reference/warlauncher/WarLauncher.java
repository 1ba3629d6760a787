package dev.primus.benchmarks.reference.warlauncher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Deploys a WAR at the root of an embedded Tomcat 9 on 127.0.0.1, the way a legacy app runs in
 * its container, and serves until the process is stopped. Tomcat's files (the expanded WAR, its
 * work folder) go to a fresh temporary folder, deleted at exit, so repeated launches by the
 * harness start alike and leave nothing behind.
 */
public final class WarLauncher {
    /** Read by the WAR's listener, where it wins over the web.xml default. */
    private static final String DOWNSTREAM_PORT_PROPERTY = "reference.downstream.port";

    private WarLauncher() {
    }

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path base = Files.createTempDirectory("reference-war-");
        Path war = options.war.isPresent() ? options.war.get().toAbsolutePath() : BundledWar.copyTo(base);
        options.downstreamPort.ifPresent(port -> System.setProperty(DOWNSTREAM_PORT_PROPERTY, Integer.toString(port)));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Files.createDirectories(base.resolve("webapps"));
        Connector connector = new Connector();
        connector.setPort(options.port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        // No default servlet or JSP servlet: the WAR's web.xml maps every route it serves.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", war.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat, base), "reference-war-stop"));

        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            // Tomcat logs why (a listener that threw, a bad web.xml) and keeps running without the app; a benchmark must not.
            System.err.println("reference-war: the WAR " + war + " did not start (" + context.getState() + "); see the log above");
            System.exit(1);
        }
        System.out.println("reference-war serving " + war.getFileName() + " on http://127.0.0.1:" + options.port + "/");
        tomcat.getServer().await();
    }

    private static void stop(Tomcat tomcat, Path base) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            System.err.println("reference-war: Tomcat did not stop cleanly: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            System.err.println("reference-war: " + base + " was left behind: " + e.getMessage());
        }
    }
}
