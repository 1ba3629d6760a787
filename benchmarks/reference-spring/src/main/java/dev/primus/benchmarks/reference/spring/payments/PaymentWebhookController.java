package dev.primus.benchmarks.reference.spring.payments;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The payment provider's webhook. The app checks no signature: the agent verifies the HMAC of
 * the body before this runs, and hands on the same bytes.
 */
@RestController
public class PaymentWebhookController {
    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);
    private static final Map<String, Boolean> RECEIVED = Map.of("received", true);

    private final PaymentRecorder payments;

    public PaymentWebhookController(PaymentRecorder payments) {
        this.payments = payments;
    }

    @PostMapping("/webhooks/payments")
    public Map<String, Boolean> payment(@RequestBody PaymentEvent payment) {
        payments.record(payment).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + payment.orderId()));
        log.info("{} of {} cents for order {} from {} recorded", payment.event(), payment.amountCents(), payment.orderId(), payment.payerEmail());
        return RECEIVED;
    }
}
