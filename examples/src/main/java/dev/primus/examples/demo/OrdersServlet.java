package dev.primus.examples.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The service's API, as a legacy app would have it: it checks nothing itself. Orders, a search,
 * a Stripe webhook and a health check; every answer is one line of text.
 */
public final class OrdersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        String answer;
        if (path.startsWith("/orders/")) {
            answer = "order " + path.substring("/orders/".length()) + ": 2 items, paid";
        } else if (path.equals("/search")) {
            answer = "3 orders found";
        } else if (path.equals("/hooks/stripe")) {
            request.getInputStream().readAllBytes();
            answer = "payment event processed: order 1042 marked paid";
        } else if (path.equals("/health")) {
            answer = "up";
        } else {
            response.setStatus(404);
            answer = "no such page";
        }
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream().write((answer + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
