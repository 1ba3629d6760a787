package dev.primus.benchmarks.reference.war.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** The schema and the rows every start seeds: the same data as reference-spring's, so the two apps answer alike. */
public final class ReferenceData {
    public static final int CUSTOMERS = 100;
    public static final int ORDERS = 400;
    /** Card-network test numbers (Visa, Mastercard, Amex, Discover): Luhn-valid, never real cards. */
    private static final List<String> TEST_CARDS = Arrays.asList("4111111111111111", "5555555555554444", "378282246310005", "6011111111111117");
    private static final List<String> SKUS = Arrays.asList("WID-BLU", "WID-RED", "GAD-STL", "GAD-ALU", "NOTE-A5", "NOTE-A4", "PEN-BLK", "PEN-GRN");
    private static final List<String> ITEMS = Arrays.asList("Blue widget", "Red widget", "Steel gadget", "Aluminium gadget",
            "A5 notebook", "A4 notebook", "Black pen", "Green pen");
    private static final long[] PRICES_CENTS = {1999, 2199, 4900, 5900, 650, 850, 199, 249};
    private static final Instant FIRST_ORDER = Instant.parse("2025-01-01T00:00:00Z");

    private ReferenceData() {
    }

    public static void createAndSeed(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table customers (id bigint primary key, name varchar(100) not null,"
                        + " email varchar(200) not null, card_on_file varchar(19))");
                ddl.execute("create table orders (id bigint auto_increment primary key,"
                        + " customer_id bigint not null references customers(id), sku varchar(20) not null,"
                        + " item varchar(100) not null, quantity int not null, amount_cents bigint not null,"
                        + " status varchar(10) not null, created_at timestamp with time zone not null)");
                ddl.execute("create index orders_customer on orders(customer_id)");
            }
            seedCustomers(connection);
            seedOrders(connection);
            connection.commit();
        }
    }

    private static void seedCustomers(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into customers values (?, ?, ?, ?)")) {
            for (int id = 1; id <= CUSTOMERS; id++) {
                insert.setLong(1, id);
                insert.setString(2, "Customer " + id);
                insert.setString(3, "customer" + id + "@example.com");
                // Every fifth customer has a card on file: /partner/customers/5 logs one.
                insert.setString(4, id % 5 == 0 ? TEST_CARDS.get(id / 5 % TEST_CARDS.size()) : null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void seedOrders(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into orders (customer_id, sku, item, quantity, amount_cents, status, created_at) values (?, ?, ?, ?, ?, 'NEW', ?)")) {
            for (int i = 1; i <= ORDERS; i++) {
                int product = i % SKUS.size();
                int quantity = 1 + i % 5;
                insert.setLong(1, i * 7 % CUSTOMERS + 1);
                insert.setString(2, SKUS.get(product));
                insert.setString(3, ITEMS.get(product));
                insert.setInt(4, quantity);
                insert.setLong(5, PRICES_CENTS[product] * quantity);
                insert.setTimestamp(6, Timestamp.from(FIRST_ORDER.plus(Duration.ofHours(i))));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
