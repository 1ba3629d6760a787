package dev.primus.examples.demo;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The demo service's API alone, served until the process is stopped: the long-running app the
 * overhead harness (benchmarks/overhead) loads, where {@link DemoService} runs its steps and ends.
 * Same servlet, same embedded Tomcat, on 127.0.0.1.
 *
 * <pre>
 * java -cp primus-demo.jar dev.primus.examples.demo.DemoServer [PORT]   (8080 when not given)
 * </pre>
 */
public final class DemoServer {
    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("primus-demo-server").toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "orders", new OrdersServlet());
        context.addServletMappingDecoded("/*", "orders");
        tomcat.start();
        System.out.println("serving on http://127.0.0.1:" + connector.getLocalPort() + "/health");
        tomcat.getServer().await();
    }
}
