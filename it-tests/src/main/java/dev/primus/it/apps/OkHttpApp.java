package dev.primus.it.apps;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * GETs each URL of its arguments in turn with one OkHttp client (so later requests reuse pooled
 * connections) and prints one {@code RESULT} line per URL. Compiled against OkHttp 4 and run on
 * 3.x and 5.x too: the calls it makes are the same in all three.
 */
public final class OkHttpApp {
    private OkHttpApp() {
    }

    public static void main(String[] args) {
        OkHttpClient client = new OkHttpClient();
        for (String url : args) {
            String result;
            try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                result = "OK " + response.code() + " " + response.body().string();
            } catch (Throwable failure) {
                result = Outcomes.describe(failure);
            }
            System.out.println("RESULT " + result);
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
