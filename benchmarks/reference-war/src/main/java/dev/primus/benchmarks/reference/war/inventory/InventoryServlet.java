package dev.primus.benchmarks.reference.war.inventory;

import dev.primus.benchmarks.reference.war.JsonResponses;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /api/inventory/SKU}: the stock level, fetched from the inventory service each time (the app's outbound call). */
public class InventoryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(InventoryServlet.class);

    private transient InventoryClient inventory;

    @Override
    public void init() {
        inventory = (InventoryClient) getServletContext().getAttribute(InventoryClient.class.getName());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "name a SKU: /api/inventory/SKU");
            return;
        }
        String sku = path.substring(1);
        StockLevel level;
        try {
            level = inventory.stock(sku);
        } catch (IOException e) {
            // An egress denial lands here too: the message names the rule that refused the connection.
            log.warn("inventory service unreachable for {}: {}", sku, e.getMessage());
            JsonResponses.error(response, HttpServletResponse.SC_BAD_GATEWAY, "inventory service unreachable");
            return;
        }
        log.info("stock of {} checked: {} available at {}", sku, level.available, level.warehouse);
        JsonResponses.write(response, HttpServletResponse.SC_OK, level);
    }
}
