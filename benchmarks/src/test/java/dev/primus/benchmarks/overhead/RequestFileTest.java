package dev.primus.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestFileTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("TOKEN", "eyJ.payload.sig", "KEY", "k-123");

    @Test
    void readsAMixOfRequestsWithMethodsHeadersAndBodies() {
        String text = """
                # the load of the orders API
                ### a signed webhook
                POST http://127.0.0.1:18080/hooks/stripe
                Content-Type: application/json
                X-Signature: sha256=0a1b

                {"type":"payment_intent.succeeded",
                 "data":{"order":1042}}


                ### an order with a token
                // from the environment, never written here
                GET http://127.0.0.1:18080/orders/1042?expand=items HTTP/1.1
                Authorization: Bearer {{TOKEN}}

                ###
                GET http://127.0.0.1:18080/search
                X-Api-Key: {{ KEY }}
                """;

        List<LoadRequest> requests = RequestFile.parse(text, "load.http", Path.of("."), ENVIRONMENT::get);

        assertEquals(3, requests.size());
        LoadRequest webhook = requests.get(0);
        assertEquals("POST", webhook.method());
        assertEquals(URI.create("http://127.0.0.1:18080/hooks/stripe"), webhook.url());
        assertEquals(List.of(new LoadRequest.Header("Content-Type", "application/json"),
                new LoadRequest.Header("X-Signature", "sha256=0a1b")), webhook.headers());
        assertEquals("{\"type\":\"payment_intent.succeeded\",\n \"data\":{\"order\":1042}}",
                new String(webhook.body(), StandardCharsets.UTF_8));
        assertEquals("load.http:3", webhook.source());

        LoadRequest order = requests.get(1);
        assertEquals("GET http://127.0.0.1:18080/orders/1042?expand=items", order.label());
        assertEquals(List.of(new LoadRequest.Header("Authorization", "Bearer eyJ.payload.sig")), order.headers());
        assertEquals(0, order.body().length);
        assertEquals("load.http:13", order.source());

        assertEquals(List.of(new LoadRequest.Header("X-Api-Key", "k-123")), requests.get(2).headers());
    }

    @Test
    void aBodyLineOfLessThanAndAPathIsThatFilesExactBytes(@TempDir Path dir) throws Exception {
        byte[] event = "{\"id\":\"evt_1\"}\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("event.json"), event);

        List<LoadRequest> requests = RequestFile.parse("POST http://127.0.0.1:1/hooks\nContent-Type: application/json\n\n< event.json\n",
                "load.http", dir, ENVIRONMENT::get);

        assertArrayEquals(event, requests.get(0).body());
    }

    @Test
    void aHeaderLineWithoutAColonNamesTheFileAndLine() {
        String text = "GET http://127.0.0.1:1/a\n\n###\nGET http://127.0.0.1:1/b\nAuthorization Bearer x\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.parse(text, "load.http", Path.of("."), ENVIRONMENT::get));

        assertTrue(e.getMessage().startsWith("load.http:5: header line 'Authorization Bearer x'"), e.getMessage());
    }

    @Test
    void aRelativeUrlIsRefusedAtItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.parse("# load\n\nGET /orders/1042\n", "load.http", Path.of("."), ENVIRONMENT::get));

        assertEquals("load.http:3: '/orders/1042' is not an absolute http:// or https:// URL", e.getMessage());
    }

    @Test
    void aLowerCaseMethodIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.parse("get http://127.0.0.1:1/\n", "load.http", Path.of("."), ENVIRONMENT::get));

        assertTrue(e.getMessage().startsWith("load.http:1: 'get' is not a method"), e.getMessage());
    }

    @Test
    void aLineWithoutAUrlIsNotARequestLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.parse("GET\n", "load.http", Path.of("."), ENVIRONMENT::get));

        assertTrue(e.getMessage().startsWith("load.http:1: 'GET' is not a request line"), e.getMessage());
    }

    @Test
    void headersTheClientWritesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.parse("POST http://127.0.0.1:1/\nContent-Length: 12\n\nhello\n", "load.http", Path.of("."),
                        ENVIRONMENT::get));

        assertTrue(e.getMessage().startsWith("load.http:2: Content-Length is written by the client"), e.getMessage());
    }

    @Test
    void anUnsetVariableNamesItselfAndItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.parse("GET http://127.0.0.1:1/\nAuthorization: Bearer {{MISSING}}\n", "load.http", Path.of("."),
                        ENVIRONMENT::get));

        assertTrue(e.getMessage().startsWith("load.http:2: {{MISSING}} names an environment variable that is not set"),
                e.getMessage());
    }

    @Test
    void aMissingBodyFileNamesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.parse("POST http://127.0.0.1:1/\n\n< nowhere.json\n", "load.http", Path.of("/nonexistent"),
                        ENVIRONMENT::get));

        assertTrue(e.getMessage().startsWith("load.http:3: the body file "), e.getMessage());
    }

    @Test
    void aFileOfCommentsOnlyHasNoRequest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestFile.parse("# nothing yet\n###\n\n", "load.http", Path.of("."), ENVIRONMENT::get));

        assertTrue(e.getMessage().startsWith("load.http: no request in the file"), e.getMessage());
    }

    @Test
    void readingAFileNamesItInTheSources(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mix.http");
        Files.writeString(file, "GET http://127.0.0.1:1/health\n");

        List<LoadRequest> requests = RequestFile.read(file);

        assertEquals(file + ":1", requests.get(0).source());
    }
}
