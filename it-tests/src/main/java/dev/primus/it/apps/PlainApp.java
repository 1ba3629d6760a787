package dev.primus.it.apps;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A plain Java app with deterministic output: threads, a resource, reflection, and a chosen
 * exit status. Started with and without the agent, its stdout and exit status must match.
 * {@code wait} mode prints READY and waits for a line on stdin, for attach tests.
 */
public final class PlainApp {
    private PlainApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "wait".equals(args[0])) {
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            System.out.println("BYE");
            return;
        }
        System.out.println("plain app: start");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> sums = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final int from = t * 250_000;
            sums.add(pool.submit(() -> {
                long sum = 0;
                for (int i = from; i < from + 250_000; i++) {
                    sum += (long) i * i % 7;
                }
                return sum;
            }));
        }
        long total = 0;
        for (Future<Long> sum : sums) {
            total += sum.get();
        }
        pool.shutdown();
        System.out.println("plain app: sum " + total);
        System.out.println("plain app: reflection " + String.class.getMethod("length").invoke("primus"));
        System.out.println("plain app: resource " + (PlainApp.class.getResource("PlainApp.class") != null));
        System.out.println("plain app: classes visible to the app: "
                + visible("dev.primus.agent.boot.AgentInstaller") + " "
                + visible("dev.primus.shaded.org.yaml.snakeyaml.Yaml") + " "
                + visible("net.bytebuddy.ByteBuddy"));
        System.err.println("plain app: a line on stderr");
        System.out.println("plain app: done");
        System.exit(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, PlainApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
