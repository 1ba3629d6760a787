package dev.primus.benchmarks.reference.war.orders;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An order as the API writes it, and its customer's email for the log line (never written out). */
public final class Order {
    public final long id;
    public final long customerId;
    public final String sku;
    public final String item;
    public final int quantity;
    public final long amountCents;
    public final String status;
    public final String createdAt;
    @JsonIgnore
    public final String customerEmail;

    Order(long id, long customerId, String sku, String item, int quantity, long amountCents, String status,
          String createdAt, String customerEmail) {
        this.id = id;
        this.customerId = customerId;
        this.sku = sku;
        this.item = item;
        this.quantity = quantity;
        this.amountCents = amountCents;
        this.status = status;
        this.createdAt = createdAt;
        this.customerEmail = customerEmail;
    }
}
