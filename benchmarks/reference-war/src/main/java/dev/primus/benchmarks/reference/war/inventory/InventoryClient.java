package dev.primus.benchmarks.reference.war.inventory;

import dev.primus.benchmarks.reference.war.JsonResponses;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Asks the inventory service with HttpURLConnection, as the era's code did; the JDK keeps the connections alive. */
public final class InventoryClient {
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 5_000;

    private final String baseUrl;

    public InventoryClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port + "/stock/";
    }

    public StockLevel stock(String sku) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + URLEncoder.encode(sku, StandardCharsets.UTF_8)).openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            connection.disconnect();
            throw new IOException("inventory service answered " + status + " for " + sku);
        }
        // Reading the body to its end and closing the stream hands the connection back to the keep-alive cache.
        try (InputStream body = connection.getInputStream()) {
            return JsonResponses.MAPPER.readValue(body, StockLevel.class);
        }
    }
}
