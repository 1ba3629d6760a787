package dev.primus.benchmarks.reference.war.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The customers table, by plain JDBC. */
public final class CustomerStore {
    private final DataSource database;

    public CustomerStore(DataSource database) {
        this.database = database;
    }

    public Optional<Customer> find(long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select id, name, email, card_on_file from customers where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(customer(row)) : Optional.empty();
            }
        }
    }

    public Page<Customer> list(PageRequest request) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select id, name, email, card_on_file from customers order by id limit ? offset ?");
             PreparedStatement count = connection.prepareStatement("select count(*) from customers")) {
            select.setInt(1, request.size);
            select.setLong(2, request.offset());
            List<Customer> customers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    customers.add(customer(rows));
                }
            }
            try (ResultSet total = count.executeQuery()) {
                total.next();
                return new Page<>(customers, request, total.getLong(1));
            }
        }
    }

    private static Customer customer(ResultSet row) throws SQLException {
        return new Customer(row.getLong(1), row.getString(2), row.getString(3), row.getString(4));
    }
}
