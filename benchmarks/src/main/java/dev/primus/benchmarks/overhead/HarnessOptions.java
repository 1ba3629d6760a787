package dev.primus.benchmarks.overhead;

import dev.primus.benchmarks.ResultsFolder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link OverheadHarness}, checked; see its class comment for each option.
 * {@code agentMetrics} is null when {@code --agent-metrics} is not given.
 */
record HarnessOptions(Path app, String mainClass, URI ready, List<LoadRequest> requests, LoadClient client,
                      List<AgentConfiguration> configurations,
                      int rounds, List<Double> rates, int saturationSeconds, int rateSeconds, int warmupSeconds,
                      int connections, String heap, String appCpus, String loadCpus, Path out, String java,
                      List<String> appArgs, boolean quick, URI agentMetrics) {

    static HarnessOptions parse(String[] args) {
        Path app = null;
        String mainClass = null;
        URI ready = null;
        List<LoadRequest> requests = new ArrayList<>();
        LoadClient client = LoadClient.KEEPALIVE;
        List<AgentConfiguration> configurations = new ArrayList<>(List.of(AgentConfiguration.NONE));
        Integer rounds = null;
        List<Double> rates = new ArrayList<>();
        Integer seconds = null;
        Integer warmup = null;
        int connections = 16;
        String heap = "256m";
        String appCpus = "0";
        String loadCpus = "1";
        Path out = null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> appArgs = new ArrayList<>();
        boolean quick = false;
        URI agentMetrics = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--")) {
                appArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            }
            if (option.equals("--quick")) {
                quick = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--app" -> app = Path.of(value).toAbsolutePath();
                case "--main" -> mainClass = value;
                case "--ready" -> ready = url(option, value);
                case "--request" -> requests.add(LoadRequest.get(url(option, value), "--request"));
                case "--requests" -> requests.addAll(RequestFile.read(Path.of(value)));
                case "--client" -> client = LoadClient.parse(value);
                case "--config" -> configurations.add(AgentConfiguration.parse(value));
                case "--rounds" -> rounds = positive(option, value);
                case "--rates" -> {
                    for (String rate : value.split(",")) {
                        rates.add(Double.parseDouble(rate.trim()));
                    }
                }
                case "--seconds" -> seconds = positive(option, value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--connections" -> connections = positive(option, value);
                case "--heap" -> heap = value;
                case "--app-cpus" -> appCpus = value;
                case "--load-cpus" -> loadCpus = value;
                case "--out" -> out = Path.of(value);
                case "--java" -> java = value;
                case "--agent-metrics" -> agentMetrics = url(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (app == null || ready == null) {
            throw new IllegalArgumentException("--app and --ready are required");
        }
        if (!Files.isRegularFile(app)) {
            throw new IllegalArgumentException("--app " + app + ": no such file");
        }
        long names = configurations.stream().map(AgentConfiguration::name).distinct().count();
        if (names != configurations.size()) {
            throw new IllegalArgumentException("two --config share a name; each names its own rows and files");
        }
        if (requests.isEmpty()) {
            requests.add(LoadRequest.get(ready, "--ready"));
        }
        if (client == LoadClient.KEEPALIVE) {
            for (LoadRequest request : requests) {
                if (!"http".equalsIgnoreCase(request.url().getScheme())) {
                    throw new IllegalArgumentException(request.source() + ": " + request.url() + ": the keepalive client"
                            + " speaks plain http only; add --client jdk for https");
                }
            }
        }
        if (quick && rates.size() > 1) {
            // Quick: one rate, so that a run on a small app stays within a few minutes.
            rates = new ArrayList<>(rates.subList(0, 1));
        }
        if (out == null) {
            out = ResultsFolder.today("report.md");
        }
        return new HarnessOptions(app, mainClass, ready, List.copyOf(requests), client, List.copyOf(configurations),
                rounds != null ? rounds : quick ? 3 : 7, List.copyOf(rates),
                seconds != null ? seconds : quick ? 5 : 15, seconds != null ? seconds : quick ? 10 : 30,
                warmup != null ? warmup : 30, connections, heap, appCpus, loadCpus,
                out.toAbsolutePath(), java, List.copyOf(appArgs), quick, agentMetrics);
    }

    private static URI url(String option, String value) {
        URI url = URI.create(value);
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException(option + " " + value + ": expected an absolute URL, such as http://127.0.0.1:8080/health");
        }
        return url;
    }

    private static int positive(String option, String value) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(option + " " + value + ": must be at least 1");
        }
        return number;
    }
}
