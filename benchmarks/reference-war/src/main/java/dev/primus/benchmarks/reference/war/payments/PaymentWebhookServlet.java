package dev.primus.benchmarks.reference.war.payments;

import com.fasterxml.jackson.core.JacksonException;
import dev.primus.benchmarks.reference.war.JsonResponses;
import dev.primus.benchmarks.reference.war.orders.OrderStore;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/payments}: the payment provider's webhook. The app checks no signature:
 * the agent verifies the HMAC of the body before this runs, and hands on the same bytes.
 */
public class PaymentWebhookServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookServlet.class);
    private static final Map<String, Boolean> RECEIVED = Collections.singletonMap("received", true);

    private transient OrderStore orders;

    @Override
    public void init() {
        orders = (OrderStore) getServletContext().getAttribute(OrderStore.class.getName());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        PaymentEvent payment;
        try {
            payment = JsonResponses.MAPPER.readValue(request.getInputStream(), PaymentEvent.class);
        } catch (JacksonException e) {
            JsonResponses.error(response, HttpServletResponse.SC_BAD_REQUEST, "the body is not a payment event");
            return;
        }
        try {
            if (!orders.markPaid(payment.orderId)) {
                JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "no order " + payment.orderId);
                return;
            }
        } catch (SQLException e) {
            throw new ServletException("payment cannot be recorded: " + e.getMessage(), e);
        }
        log.info("{} of {} cents for order {} from {} recorded", payment.event, payment.amountCents, payment.orderId, payment.payerEmail);
        JsonResponses.write(response, HttpServletResponse.SC_OK, RECEIVED);
    }
}
