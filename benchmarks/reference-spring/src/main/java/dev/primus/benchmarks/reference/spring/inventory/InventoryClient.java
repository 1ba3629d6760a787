package dev.primus.benchmarks.reference.spring.inventory;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Asks the inventory service over HTTP, with a RestClient on the JDK's HttpClient. */
@Component
public class InventoryClient {
    private final RestClient client;

    public InventoryClient(@Value("${reference.downstream.port}") int port) {
        HttpClient http = HttpClient.newBuilder()
                // HTTP/1.1: the JDK client's default HTTP/2 would first try an h2c upgrade on every new connection.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(5));
        client = RestClient.builder()
                .requestFactory(requests)
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    public StockLevel stock(String sku) {
        return client.get().uri("/stock/{sku}", sku).retrieve().body(StockLevel.class);
    }
}
