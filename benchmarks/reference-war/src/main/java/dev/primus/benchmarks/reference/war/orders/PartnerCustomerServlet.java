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
 * Customers for partners (the agent's config asks an API key of every route here):
 * {@code GET /partner/customers/ID} and {@code GET /partner/customers?page=&size=}.
 */
public class PartnerCustomerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(PartnerCustomerServlet.class);

    private transient CustomerStore customers;

    @Override
    public void init() {
        customers = (CustomerStore) getServletContext().getAttribute(CustomerStore.class.getName());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String path = request.getPathInfo();
        try {
            if (path == null || path.equals("/")) {
                Page<Customer> found = customers.list(PageRequest.of(request));
                log.info("customers listed by partner: page {}, {} of {}", found.page, found.items.size(), found.total);
                JsonResponses.write(response, HttpServletResponse.SC_OK, found);
            } else {
                customer(path.substring(1), response);
            }
        } catch (SQLException e) {
            throw new ServletException("customers cannot be read: " + e.getMessage(), e);
        }
    }

    private void customer(String idText, HttpServletResponse response) throws IOException, SQLException {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            JsonResponses.error(response, HttpServletResponse.SC_BAD_REQUEST, "a customer id is a number");
            return;
        }
        Optional<Customer> customer = customers.find(id);
        if (customer.isEmpty()) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "no customer " + id);
            return;
        }
        // The whole card number in a log line: the kind of slip the masking guard is there to catch.
        log.info("customer {} read by partner, email {}, card on file {}", id, customer.get().email, customer.get().cardOnFile);
        JsonResponses.write(response, HttpServletResponse.SC_OK, customer.get());
    }
}
