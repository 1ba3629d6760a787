package dev.primus.benchmarks.reference.spring.inventory;

/** What the inventory service answers for one SKU. */
public record StockLevel(String sku, int available, String warehouse) {
}
