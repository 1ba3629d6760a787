package dev.primus.it.apps;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Binds passwords through Hibernate on H2 in memory with its statement and parameter logging on
 * ({@code org.hibernate.SQL} at DEBUG, the binder at TRACE): persist, an update and a query.
 * Each secret holds {@link SpringJdbcLoggingApp#SECRET_MARK}. {@code format_sql} as the first
 * argument writes each statement over several lines. Prints DONE.
 */
public final class HibernateLoggingApp {
    private HibernateLoggingApp() {
    }

    @Entity(name = "AppUser")
    @Table(name = "app_users")
    public static class AppUser {
        @Id
        public Long id;
        public String email;
        public String password;
    }

    public static void main(String[] args) {
        String secret = SpringJdbcLoggingApp.SECRET_MARK;
        Configuration configuration = new Configuration().addAnnotatedClass(AppUser.class)
                .setProperty("hibernate.connection.url", "jdbc:h2:mem:hibernate;DB_CLOSE_DELAY=-1")
                .setProperty("hibernate.connection.username", "sa")
                .setProperty("hibernate.hbm2ddl.auto", "create")
                .setProperty("hibernate.format_sql", Boolean.toString(args.length > 0 && args[0].equals("format_sql")));
        try (SessionFactory sessions = configuration.buildSessionFactory()) {
            sessions.inTransaction(session -> {
                AppUser user = new AppUser();
                user.id = 1L;
                user.email = "bob@example.com";
                user.password = "insert" + secret;
                session.persist(user);
            });
            sessions.inTransaction(session -> session.createMutationQuery("update AppUser set password = :p where id = :id")
                    .setParameter("p", "update" + secret).setParameter("id", 1L).executeUpdate());
            sessions.inTransaction(session -> session.createSelectionQuery("from AppUser where password = :p", AppUser.class)
                    .setParameter("p", "where" + secret).getResultList());
        }
        System.out.println("DONE");
    }
}
