package dev.primus.benchmarks.reference.war.orders;

import dev.primus.benchmarks.reference.war.JsonResponses;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders for signed-in users (the agent's config asks a JWT of every route here):
 * {@code GET /api/orders/ID} and {@code GET /api/orders?q=&page=&size=}.
 */
public class OrderServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(OrderServlet.class);

    private transient OrderStore orders;

    @Override
    public void init() {
        orders = (OrderStore) getServletContext().getAttribute(OrderStore.class.getName());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String path = request.getPathInfo();
        try {
            if (path == null || path.equals("/")) {
                search(request, response);
            } else {
                order(path.substring(1), response);
            }
        } catch (SQLException e) {
            throw new ServletException("orders cannot be read: " + e.getMessage(), e);
        }
    }

    private void order(String idText, HttpServletResponse response) throws IOException, SQLException {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            JsonResponses.error(response, HttpServletResponse.SC_BAD_REQUEST, "an order id is a number");
            return;
        }
        Optional<Order> order = orders.find(id);
        if (order.isEmpty()) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "no order " + id);
            return;
        }
        log.info("order {} fetched for customer {}", id, order.get().customerEmail);
        JsonResponses.write(response, HttpServletResponse.SC_OK, order.get());
    }

    private void search(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        String text = request.getParameter("q") == null ? "" : request.getParameter("q");
        Page<Order> found = orders.search(text, PageRequest.of(request));
        log.info("orders matching '{}' listed: page {}, {} of {}", text, found.page, found.items.size(), found.total);
        JsonResponses.write(response, HttpServletResponse.SC_OK, found);
    }
}
