package dev.primus.it.apps.servlet;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.EnumSet;

/**
 * Jetty 9.4, 10 (javax) or 11 (argument {@code jakarta}) with one filter and one servlet at the
 * root: the three share {@code org.eclipse.jetty.servlet.ServletContextHandler}. Driven by
 * reflection: their API shares class names with the Jetty 12 this module compiles against.
 * Prints {@code READY port}.
 */
public final class JettyServletContextApp {
    private JettyServletContextApp() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Class<?> serverType = Class.forName("org.eclipse.jetty.server.Server");
        Object server = serverType.getConstructor(InetSocketAddress.class).newInstance(new InetSocketAddress("127.0.0.1", 0));
        Class<?> contextType = Class.forName("org.eclipse.jetty.servlet.ServletContextHandler");
        Object context = contextType.getConstructor().newInstance();
        contextType.getMethod("setContextPath", String.class).invoke(context, "/");
        boolean jakarta = args.length > 0 && args[0].equals("jakarta");
        Class dispatcherType = Class.forName(jakarta ? "jakarta.servlet.DispatcherType" : "javax.servlet.DispatcherType");
        Object filter = contextType.getMethod("addFilter", Class.class, String.class, EnumSet.class)
                .invoke(context, jakarta ? JakartaFirstFilter.class : JavaxFirstFilter.class, "/*",
                        EnumSet.of(Enum.valueOf(dispatcherType, "REQUEST")));
        asyncSupported(filter);
        asyncSupported(contextType.getMethod("addServlet", Class.class, String.class)
                .invoke(context, jakarta ? JakartaEchoServlet.class : JavaxEchoServlet.class, "/*"));
        serverType.getMethod("setHandler", Class.forName("org.eclipse.jetty.server.Handler")).invoke(server, context);
        AccessLogs.jetty(server);
        serverType.getMethod("start").invoke(server);
        Object connector = ((Object[]) serverType.getMethod("getConnectors").invoke(server))[0];
        System.out.println("READY " + connector.getClass().getMethod("getLocalPort").invoke(connector));
        System.out.flush();
        serverType.getMethod("join").invoke(server);
    }

    private static void asyncSupported(Object holder) throws ReflectiveOperationException {
        Method set = holder.getClass().getMethod("setAsyncSupported", boolean.class);
        set.invoke(holder, true);
    }
}
