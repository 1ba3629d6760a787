package dev.primus.benchmarks.reference.spring.payments;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One delivery of the payment provider's webhook, in its snake_case. */
public record PaymentEvent(
        @JsonProperty("event") String event,
        @JsonProperty("order_id") long orderId,
        @JsonProperty("amount_cents") long amountCents,
        @JsonProperty("payer_email") String payerEmail) {
}
