package dev.primus.benchmarks.reference.war;

import dev.primus.benchmarks.reference.war.inventory.InventoryClient;
import dev.primus.benchmarks.reference.war.inventory.InventoryServer;
import dev.primus.benchmarks.reference.war.orders.CustomerStore;
import dev.primus.benchmarks.reference.war.orders.OrderStore;
import dev.primus.benchmarks.reference.war.orders.ReferenceData;
import java.io.IOException;
import java.sql.SQLException;
import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the app when the container deploys it: the database, seeded; the inventory stand-in and
 * its client; each put in the servlet context for the servlets to take. A failure here fails the
 * deployment, so the launcher never serves a half-built app.
 */
public class ReferenceAppListener implements ServletContextListener {
    /** System property that wins over the web.xml context parameter of the same name. */
    public static final String DOWNSTREAM_PORT = "reference.downstream.port";
    private static final Logger log = LoggerFactory.getLogger(ReferenceAppListener.class);
    /** Enough for Tomcat's busiest moments under the harness's 16 connections, without queueing. */
    private static final int MAX_CONNECTIONS = 32;

    private JdbcConnectionPool database;
    private InventoryServer inventoryServer;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            database = JdbcConnectionPool.create("jdbc:h2:mem:reference;DB_CLOSE_DELAY=-1", "sa", "");
            database.setMaxConnections(MAX_CONNECTIONS);
            ReferenceData.createAndSeed(database);
            int downstreamPort = Integer.parseInt(System.getProperty(DOWNSTREAM_PORT, context.getInitParameter(DOWNSTREAM_PORT)));
            inventoryServer = InventoryServer.start(downstreamPort);
            context.setAttribute(OrderStore.class.getName(), new OrderStore(database));
            context.setAttribute(CustomerStore.class.getName(), new CustomerStore(database));
            context.setAttribute(InventoryClient.class.getName(), new InventoryClient(downstreamPort));
            log.info("reference-war ready: {} customers, {} orders, inventory on 127.0.0.1:{}",
                    ReferenceData.CUSTOMERS, ReferenceData.ORDERS, downstreamPort);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("reference-war cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (inventoryServer != null) {
            inventoryServer.stop();
        }
        if (database != null) {
            database.dispose();
        }
    }
}
