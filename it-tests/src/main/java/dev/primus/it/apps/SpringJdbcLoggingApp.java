package dev.primus.it.apps;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Binds passwords through Spring JDBC on H2 in memory with its statement and parameter logging on
 * (JdbcTemplate at DEBUG, StatementCreatorUtils at TRACE, as Spring Boot users turn them on):
 * JdbcTemplate, NamedParameterJdbcTemplate, a batch and SimpleJdbcInsert. Each secret holds
 * {@link #SECRET_MARK}; the test reads the log for it. Prints DONE.
 */
public final class SpringJdbcLoggingApp {
    /** In every secret this app binds, and in nothing else it logs. */
    public static final String SECRET_MARK = "Pw0rdSecret";

    private SpringJdbcLoggingApp() {
    }

    public static void main(String[] args) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:spring;DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("create table users (id bigint primary key, name varchar(50), password varchar(100),"
                + " note varchar(50))");
        jdbc.update("insert into users (id, name, password) values (?, ?, ?)", 1L, "bob", "insert" + SECRET_MARK);
        jdbc.update("update users set password = ? where id = ?", "update" + SECRET_MARK, 1L);
        jdbc.queryForList("select id from users where name = ? and password = ?", "bob", "where" + SECRET_MARK);
        new NamedParameterJdbcTemplate(jdbc).update("update users set password = :pw where name = :name",
                new MapSqlParameterSource("pw", "named" + SECRET_MARK).addValue("name", "bob"));
        jdbc.batchUpdate("insert into users (id, name, password) values (?, ?, ?)", Arrays.asList(
                new Object[] {2L, "amy", "batch1" + SECRET_MARK}, new Object[] {3L, "cy", "batch2" + SECRET_MARK}));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 4L);
        row.put("name", "Doe, John"); // a ", " before the password in the list SimpleJdbcInsert logs
        row.put("password", "simple" + SECRET_MARK);
        row.put("note", "x");
        new SimpleJdbcInsert(jdbc).withTableName("users").execute(row);
        System.out.println("DONE");
    }
}
