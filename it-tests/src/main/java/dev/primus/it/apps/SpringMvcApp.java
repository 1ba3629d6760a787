package dev.primus.it.apps;

import dev.primus.it.apps.servlet.TomcatApp;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
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
        Connector connector = TomcatApp.onLoopback(tomcat, "spring-mvc-app");
        Context context = tomcat.addContext("", null);
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(MvcConfig.class);
        Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(spring)).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "dispatcher");
        TomcatApp.addFirstFilter(context, "dev.primus.it.apps.servlet.JakartaFirstFilter");
        tomcat.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }
}
