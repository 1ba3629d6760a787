package dev.primus.it.apps.servlet;

import jakarta.servlet.DispatcherType;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/** Jetty 12 (EE 10, jakarta) with one filter and one servlet at the root. Prints {@code READY port}. */
public final class JettyApp {
    private JettyApp() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(JakartaFirstFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST)).setAsyncSupported(true);
        context.addServlet(JakartaEchoServlet.class, "/*").setAsyncSupported(true);
        server.setHandler(context);
        AccessLogs.jetty(server);
        server.start();
        System.out.println("READY " + ((NetworkConnector) server.getConnectors()[0]).getLocalPort());
        System.out.flush();
        server.join();
    }
}
