package dev.primus.it.apps.servlet;

import java.io.File;

/**
 * The access log each container app writes, {@code access.log} in the folder that
 * {@code -Dprimus.it.accessLog} names; none without it. One pattern in each container's syntax:
 * the client, the time, the request line, the status and the {@code Authorization} header. Each
 * container's own types stay in its app's class ({@link TomcatApp}, {@link UndertowApp}): this
 * class is loaded with every container's jars, and the verifier loads what its methods name.
 */
public final class AccessLogs {
    private static final String PROPERTY = "primus.it.accessLog";

    private AccessLogs() {
    }

    /** The folder, or null when the app writes no access log. */
    public static String folder() {
        return System.getProperty(PROPERTY);
    }

    /** Jetty's CustomRequestLog to a RequestLogWriter, by reflection: the same code for Jetty 9.4 and 12. */
    static void jetty(Object server) throws ReflectiveOperationException {
        if (folder() == null) {
            return;
        }
        Object writer = Class.forName("org.eclipse.jetty.server.RequestLogWriter").getConstructor(String.class)
                .newInstance(new File(folder(), "access.log").getPath());
        Object log = Class.forName("org.eclipse.jetty.server.CustomRequestLog")
                .getConstructor(Class.forName("org.eclipse.jetty.server.RequestLog$Writer"), String.class)
                .newInstance(writer, "%{client}a - %u %t \"%r\" %s %O \"%{Authorization}i\"");
        server.getClass().getMethod("setRequestLog", Class.forName("org.eclipse.jetty.server.RequestLog"))
                .invoke(server, log);
    }
}
