package dev.primus.it.apps;

import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routes of the Spring apps behind auth rules: they show what the agent told the app
 * (request attributes, MDC), replay webhook bodies, and one handler is named by a rule. Served by
 * Spring Boot ({@link SpringAuthApp}) and by a DispatcherServlet alone ({@link SpringMvcApp}).
 */
@RestController
public class OrdersController {
    private static final String PACKAGE = "dev.primus.it.apps.servlet.";

    /** With {@code notify=PORT}, the handler first connects to 127.0.0.1:PORT, as a controller calling out would. */
    @GetMapping("/api/orders")
    public String orders(@RequestAttribute(name = "primus.principal", required = false) String principal,
                         @RequestAttribute(name = "primus.tenant", required = false) String tenant,
                         @org.springframework.web.bind.annotation.RequestParam(name = "notify", required = false) Integer notify)
            throws java.io.IOException {
        if (notify != null) {
            new java.net.Socket("127.0.0.1", notify).close();
        }
        return "principal=" + principal + ";tenant=" + tenant + ";mdc_tenant=" + MDC.get("primus.tenant")
                + ";mdc_principal=" + MDC.get("primus.principal");
    }

    @PostMapping("/api/orders/{id}/refund")
    public String refund(@PathVariable String id, @RequestAttribute(name = "primus.principal", required = false) String principal) {
        return "refunded " + id + " by " + principal;
    }

    /** The body as it arrived, byte for byte: no charset of the app's stands between. */
    @PostMapping("/webhooks/stripe")
    public byte[] webhook(@RequestBody byte[] body) {
        return body;
    }

    @GetMapping("/count")
    public String count() throws ReflectiveOperationException {
        return "filter_hits=" + Class.forName(PACKAGE + "FilterHits").getMethod("count").invoke(null);
    }
}
