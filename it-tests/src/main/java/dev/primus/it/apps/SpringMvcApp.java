package dev.primus.it.apps;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * {@link OrdersController} served by a DispatcherServlet alone on embedded Tomcat (jakarta), with
 * no Spring Boot: the Spring MVC hook on a Spring Framework line before Boot ships it (7.x on
 * Tomcat 11 in the version sweep, 6.x on Tomcat 10.1 by default). Its first filter is the same as
 * the Boot app's. Prints {@code READY port}; its arguments are ignored.
 */
public final class SpringMvcApp {
    private SpringMvcApp() {
    }

    /** Spring MVC's defaults: enough for String and byte[] bodies, with no JSON library. */
    @Configuration
    @EnableWebMvc
    @Import(OrdersController.class)
    public static class MvcConfig {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("spring-mvc-app").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(MvcConfig.class);
        Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(spring)).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "dispatcher");
        FilterDef filter = new FilterDef();
        filter.setFilterName("first");
        filter.setFilterClass("dev.primus.it.apps.servlet.JakartaFirstFilter");
        context.addFilterDef(filter);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("first");
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
        tomcat.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }
}
