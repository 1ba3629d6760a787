package dev.primus.benchmarks.reference.war.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the inventory service answers for one SKU. */
public final class StockLevel {
    public final String sku;
    public final int available;
    public final String warehouse;

    @JsonCreator
    public StockLevel(@JsonProperty("sku") String sku, @JsonProperty("available") int available,
                      @JsonProperty("warehouse") String warehouse) {
        this.sku = sku;
        this.available = available;
        this.warehouse = warehouse;
    }
}
