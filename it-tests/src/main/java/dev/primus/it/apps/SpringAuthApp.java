package dev.primus.it.apps;

import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot web app behind auth rules: shows what the agent told it (request attributes,
 * MDC), replays webhook bodies, and has a handler a rule names. Runs on Spring Boot 3
 * (jakarta) and 2.7 (javax): it names no servlet type, and its first filter is registered for
 * whichever servlet API is there. Prints {@code READY port}.
 */
// No component scan: the apps of this package are separate apps, each its own only bean.
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
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

    @GetMapping("/api/orders")
    public String orders(@RequestAttribute(name = "primus.principal", required = false) String principal,
                         @RequestAttribute(name = "primus.tenant", required = false) String tenant) {
        return "principal=" + principal + ";tenant=" + tenant + ";mdc_tenant=" + MDC.get("primus.tenant")
                + ";mdc_principal=" + MDC.get("primus.principal");
    }

    @PostMapping("/api/orders/{id}/refund")
    public String refund(@PathVariable String id, @RequestAttribute(name = "primus.principal", required = false) String principal) {
        return "refunded " + id + " by " + principal;
    }

    @PostMapping("/webhooks/stripe")
    public String webhook(@RequestBody byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/count")
    public String count() throws ReflectiveOperationException {
        return "filter_hits=" + Class.forName(PACKAGE + "FilterHits").getMethod("count").invoke(null);
    }
}
