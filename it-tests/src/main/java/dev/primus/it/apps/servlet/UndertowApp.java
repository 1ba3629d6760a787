package dev.primus.it.apps.servlet;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.accesslog.AccessLogHandler;
import io.undertow.server.handlers.accesslog.DefaultAccessLogReceiver;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.DispatcherType;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** Undertow 2.3 (jakarta) with one filter and one servlet at the root. Prints {@code READY port}. */
public final class UndertowApp {
    private UndertowApp() {
    }

    public static void main(String[] args) throws Exception {
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(UndertowApp.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("app.war")
                .addFilter(Servlets.filter("first", JakartaFirstFilter.class).setAsyncSupported(true))
                .addFilterUrlMapping("first", "/*", DispatcherType.REQUEST)
                .addServlet(Servlets.servlet("echo", JakartaEchoServlet.class).addMapping("/*").setAsyncSupported(true));
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(accessLog(manager.start()))
                .build();
        server.start();
        System.out.println("READY " + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort());
        System.out.flush();
    }

    /** Undertow's AccessLogHandler in front of {@code next}, to its file receiver. */
    private static HttpHandler accessLog(HttpHandler next) {
        if (AccessLogs.folder() == null) {
            return next;
        }
        DefaultAccessLogReceiver receiver = new DefaultAccessLogReceiver(Executors.newSingleThreadExecutor(),
                new File(AccessLogs.folder()), "access.", "log");
        return new AccessLogHandler(next, receiver,
                "%h %l %u %t \"%r\" %s %b \"%{i,Authorization}\"", UndertowApp.class.getClassLoader());
    }
}
