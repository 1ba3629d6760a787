package dev.primus.benchmarks.reference.spring.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the in-memory database with the same rows on every start. It runs once the beans exist
 * and before the web server starts, so the first 200 of /health means the data is there too.
 */
@Component
public class ReferenceDataSeeder implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataSeeder.class);
    static final int CUSTOMERS = 100;
    static final int ORDERS = 400;
    /** Card-network test numbers (Visa, Mastercard, Amex, Discover): Luhn-valid, never real cards. */
    private static final List<String> TEST_CARDS = List.of("4111111111111111", "5555555555554444", "378282246310005", "6011111111111117");
    private static final List<String> SKUS = List.of("WID-BLU", "WID-RED", "GAD-STL", "GAD-ALU", "NOTE-A5", "NOTE-A4", "PEN-BLK", "PEN-GRN");
    private static final List<String> ITEMS = List.of("Blue widget", "Red widget", "Steel gadget", "Aluminium gadget",
            "A5 notebook", "A4 notebook", "Black pen", "Green pen");
    private static final List<Long> PRICES_CENTS = List.of(1999L, 2199L, 4900L, 5900L, 650L, 850L, 199L, 249L);
    private static final Instant FIRST_ORDER = Instant.parse("2025-01-01T00:00:00Z");

    private final CustomerRepository customers;
    private final PurchaseOrderRepository orders;
    private final TransactionTemplate transaction;

    public ReferenceDataSeeder(CustomerRepository customers, PurchaseOrderRepository orders, TransactionTemplate transaction) {
        this.customers = customers;
        this.orders = orders;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> seed());
        log.info("seeded {} customers and {} orders", CUSTOMERS, ORDERS);
    }

    private void seed() {
        List<Customer> seeded = new ArrayList<>();
        for (int id = 1; id <= CUSTOMERS; id++) {
            // Every fifth customer has a card on file: /partner/customers/5 logs one.
            String card = id % 5 == 0 ? TEST_CARDS.get(id / 5 % TEST_CARDS.size()) : null;
            seeded.add(new Customer(id, "Customer " + id, "customer" + id + "@example.com", card));
        }
        customers.saveAll(seeded);
        List<PurchaseOrder> placed = new ArrayList<>();
        for (int i = 1; i <= ORDERS; i++) {
            int product = i % SKUS.size();
            int quantity = 1 + i % 5;
            placed.add(new PurchaseOrder(seeded.get(i * 7 % CUSTOMERS), SKUS.get(product), ITEMS.get(product), quantity,
                    PRICES_CENTS.get(product) * quantity, FIRST_ORDER.plus(Duration.ofHours(i))));
        }
        orders.saveAll(placed);
    }
}
