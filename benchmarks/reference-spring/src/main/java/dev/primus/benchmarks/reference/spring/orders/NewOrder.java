package dev.primus.benchmarks.reference.spring.orders;

/** The body of POST /api/orders. */
public record NewOrder(long customerId, String sku, String item, int quantity, long amountCents) {
}
