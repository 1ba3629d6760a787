package dev.primus.benchmarks.reference.spring.orders;

import java.time.Instant;

/** An order as the API writes it: no entity leaves a transaction. */
public record OrderView(long id, long customerId, String sku, String item, int quantity, long amountCents,
                        String status, Instant createdAt) {

    static OrderView of(PurchaseOrder order) {
        return new OrderView(order.getId(), order.getCustomer().getId(), order.getSku(), order.getItem(),
                order.getQuantity(), order.getAmountCents(), order.getStatus(), order.getCreatedAt());
    }
}
