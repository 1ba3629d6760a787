package dev.primus.it.apps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * A Spring Boot web app behind auth rules, serving {@link OrdersController}. Runs on Spring Boot 3
 * (jakarta) and 2.7 (javax): it names no servlet type, and its first filter is registered for
 * whichever servlet API is there. Prints {@code READY port}.
 */
// No component scan: the apps of this package are separate apps, each with its own beans.
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(OrdersController.class)
public class SpringAuthApp {
    private static final String PACKAGE = "dev.primus.it.apps.servlet.";

    public static void main(String[] args) throws ClassNotFoundException {
        SpringApplication app = new SpringApplication(SpringAuthApp.class);
        Class<?> firstFilter = Class.forName(PACKAGE + (hasClass("jakarta.servlet.Filter") ? "Jakarta" : "Javax") + "FirstFilter");
        app.addInitializers(context -> ((org.springframework.context.support.GenericApplicationContext) context)
                .registerBean("firstFilter", (Class<Object>) firstFilter));
        app.run(args);
    }

    private static boolean hasClass(String name) {
        try {
            Class.forName(name, false, SpringAuthApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @EventListener
    public void onReady(WebServerInitializedEvent event) {
        System.out.println("READY " + event.getWebServer().getPort());
        System.out.flush();
    }
}
