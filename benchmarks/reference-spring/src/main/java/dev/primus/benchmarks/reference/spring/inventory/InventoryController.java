package dev.primus.benchmarks.reference.spring.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

/** Stock levels, fetched from the inventory service on each request: the app's outbound call. */
@RestController
public class InventoryController {
    private static final Logger log = LoggerFactory.getLogger(InventoryController.class);

    private final InventoryClient inventory;

    public InventoryController(InventoryClient inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/api/inventory/{sku}")
    public StockLevel stock(@PathVariable String sku) {
        try {
            StockLevel level = inventory.stock(sku);
            log.info("stock of {} checked: {} available at {}", sku, level.available(), level.warehouse());
            return level;
        } catch (RestClientException e) {
            // An egress denial lands here too: the message names the rule that refused the connection.
            log.warn("inventory service unreachable for {}: {}", sku, e.getMessage());
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "inventory service unreachable", e);
        }
    }
}
