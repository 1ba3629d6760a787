package dev.primus.it.apps;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * GETs each URL of its arguments in turn with one Apache HttpClient 5 client, classic or async
 * (the first argument), so later requests reuse pooled connections, and prints one {@code RESULT}
 * line per URL. Compiled against 5.4 and run on 5.1 too: the calls it makes are the same in both.
 */
public final class ApacheHttp5App {
    private ApacheHttp5App() {
    }

    public static void main(String[] args) throws Exception {
        boolean async = "async".equals(args[0]);
        try (CloseableHttpClient classic = HttpClients.createDefault();
             CloseableHttpAsyncClient reactor = HttpAsyncClients.createDefault()) {
            reactor.start();
            for (int i = 1; i < args.length; i++) {
                String result;
                try {
                    result = "OK " + (async ? getAsync(reactor, args[i]) : get(classic, args[i]));
                } catch (Throwable failure) {
                    result = Outcomes.describe(failure);
                }
                System.out.println("RESULT " + result);
            }
        }
    }

    private static String get(CloseableHttpClient client, String url) throws Exception {
        return client.execute(new HttpGet(url), response -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));
    }

    private static String getAsync(CloseableHttpAsyncClient client, String url) throws Exception {
        SimpleHttpResponse response = client.execute(SimpleRequestBuilder.get(url).build(), null).get(10, TimeUnit.SECONDS);
        return response.getCode() + " " + response.getBodyText();
    }
}
