package dev.primus.it.apps.servlet;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.AccessLogValve;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat with one filter and one servlet, for {@code javax} (Tomcat 9) or
 * {@code jakarta} (Tomcat 10, 11). Only Tomcat API that names no servlet type is used, so one
 * compiled class drives both. Prints {@code READY port}.
 *
 * <p>Arguments: {@code javax|jakarta} and the context path ({@code ""} for the root).
 */
public final class TomcatApp {
    private TomcatApp() {
    }

    public static void main(String[] args) throws Exception {
        String prefix = "javax".equals(args[0]) ? "Javax" : "Jakarta";
        Tomcat tomcat = new Tomcat();
        Connector connector = onLoopback(tomcat, "tomcat-app");
        Context context = tomcat.addContext(args[1], null);
        Tomcat.addServlet(context, "echo", TomcatApp.class.getPackageName() + "." + prefix + "EchoServlet")
                .setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "echo");
        addFirstFilter(context, TomcatApp.class.getPackageName() + "." + prefix + "FirstFilter");
        accessLog(tomcat);
        tomcat.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }

    /** A connector on 127.0.0.1 and a free port, and a base folder of its own. */
    public static Connector onLoopback(Tomcat tomcat, String name) throws java.io.IOException {
        tomcat.setBaseDir(Files.createTempDirectory(name).toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        return connector;
    }

    /** The app's first filter, on every path, by class name (javax or jakarta alike). */
    public static void addFirstFilter(Context context, String filterClass) {
        FilterDef filter = new FilterDef();
        filter.setFilterName("first");
        filter.setFilterClass(filterClass);
        filter.setAsyncSupported("true");
        context.addFilterDef(filter);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("first");
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
    }

    /**
     * Tomcat's valve on the host, unbuffered and not rotated, so each line is in the file as the
     * request ends; or, with {@code -Dprimus.it.logbackAccess=RESOURCE}, logback-access's valve
     * configured from that class-path resource (by reflection: its jars are only in those sets).
     */
    private static void accessLog(Tomcat tomcat) throws ReflectiveOperationException {
        if (AccessLogs.folder() == null) {
            return;
        }
        String logbackAccess = System.getProperty("primus.it.logbackAccess");
        if (logbackAccess != null) {
            Object valve = Class.forName("ch.qos.logback.access.tomcat.LogbackValve").getConstructor().newInstance();
            valve.getClass().getMethod("setFilename", String.class).invoke(valve, logbackAccess);
            valve.getClass().getMethod("setQuiet", boolean.class).invoke(valve, true);
            tomcat.getHost().getPipeline().addValve((org.apache.catalina.Valve) valve);
            return;
        }
        AccessLogValve valve = new AccessLogValve();
        valve.setDirectory(AccessLogs.folder());
        valve.setPrefix("access");
        valve.setSuffix(".log");
        valve.setRotatable(false);
        valve.setBuffered(false);
        valve.setPattern("%h %l %u %t \"%r\" %s %b \"%{Authorization}i\"");
        tomcat.getHost().getPipeline().addValve(valve);
    }
}
