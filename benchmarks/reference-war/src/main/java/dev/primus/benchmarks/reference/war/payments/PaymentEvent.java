package dev.primus.benchmarks.reference.war.payments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One delivery of the payment provider's webhook, in its snake_case. */
public final class PaymentEvent {
    public final String event;
    public final long orderId;
    public final long amountCents;
    public final String payerEmail;

    @JsonCreator
    public PaymentEvent(@JsonProperty("event") String event, @JsonProperty("order_id") long orderId,
                        @JsonProperty("amount_cents") long amountCents, @JsonProperty("payer_email") String payerEmail) {
        this.event = event;
        this.orderId = orderId;
        this.amountCents = amountCents;
        this.payerEmail = payerEmail;
    }
}
