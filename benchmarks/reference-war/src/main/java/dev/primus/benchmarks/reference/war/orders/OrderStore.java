package dev.primus.benchmarks.reference.war.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** The orders table, by plain JDBC. */
public final class OrderStore {
    private static final String COLUMNS = "o.id, o.customer_id, o.sku, o.item, o.quantity, o.amount_cents, o.status, o.created_at, c.email";
    private static final String FROM = " from orders o join customers c on c.id = o.customer_id";

    private final DataSource database;

    public OrderStore(DataSource database) {
        this.database = database;
    }

    public Optional<Order> find(long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + COLUMNS + FROM + " where o.id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(order(row)) : Optional.empty();
            }
        }
    }

    /** A page of the orders whose item names contain {@code text}, ignoring case, by id. */
    public Page<Order> search(String text, PageRequest request) throws SQLException {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select " + COLUMNS + FROM + " where lower(o.item) like ? order by o.id limit ? offset ?");
             PreparedStatement count = connection.prepareStatement("select count(*) from orders o where lower(o.item) like ?")) {
            select.setString(1, pattern);
            select.setInt(2, request.size);
            select.setLong(3, request.offset());
            List<Order> orders = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    orders.add(order(rows));
                }
            }
            count.setString(1, pattern);
            try (ResultSet total = count.executeQuery()) {
                total.next();
                return new Page<>(orders, request, total.getLong(1));
            }
        }
    }

    /** Marks an order paid; false when there is no such order. A repeated call changes nothing more. */
    public boolean markPaid(long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("update orders set status = 'PAID' where id = ?")) {
            update.setLong(1, id);
            return update.executeUpdate() == 1;
        }
    }

    private static Order order(ResultSet row) throws SQLException {
        return new Order(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getInt(5), row.getLong(6),
                row.getString(7), row.getTimestamp(8).toInstant().toString(), row.getString(9));
    }
}
