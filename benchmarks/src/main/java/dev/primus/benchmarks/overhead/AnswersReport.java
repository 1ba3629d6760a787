package dev.primus.benchmarks.overhead;

import java.util.List;
import java.util.Locale;

/**
 * The report's account of how the app answered: a warning at the top when any request got no
 * 2xx, and a table of each configuration's answers by request. A run in which an agent refuses
 * every request (a missing token, a stale signature) measures the refusal, not the app, and must
 * not read as a result.
 */
final class AnswersReport {
    private AnswersReport() {
    }

    /** Empty when every request of every launch got a 2xx. */
    static String warning(List<LaunchMeasurement> launches) {
        long sent = launches.stream().flatMap(launch -> launch.answers().stream()).mapToLong(RequestAnswers::sent).sum();
        long failed = launches.stream().mapToLong(LaunchMeasurement::failedRequests).sum();
        if (failed == 0) {
            return "";
        }
        long launchesWithFailures = launches.stream().filter(launch -> launch.failedRequests() > 0).count();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "> **Warning: %,d of %,d requests (%s) got no 2xx answer, in %d of %d launches.** The figures below"
                        + " include them, and an app refuses a request with less work than it serves one: where these are"
                        + " many, the latency and throughput are the refusal's, not the app's. Fix the requests (URL, token,"
                        + " signature; the first problem of each is below) and run again.%n>%n",
                failed, sent, percent(failed, sent), launchesWithFailures, launches.size()));
        for (String configuration : configurations(launches)) {
            for (RequestAnswers answers : RequestAnswers.sum(answersOf(configuration, launches))) {
                if (answers.failed() > 0) {
                    md.append(String.format(Locale.ROOT, "> - %s: `%s` (%s): %,d of %,d without a 2xx; first: %s%n",
                            configuration, answers.request().label(), answers.request().source(), answers.failed(),
                            answers.sent(), answers.firstProblem()));
                }
            }
        }
        return md.append('\n').toString();
    }

    /** Each configuration's answers by request, its rounds together. */
    static String table(List<LaunchMeasurement> launches) {
        StringBuilder md = new StringBuilder("## Answers\n\n");
        md.append("Every request sent after ready, warm-up included, by configuration (rounds together) and request of"
                + " the mix. No answer: refused, dropped, timed out or unreadable.\n\n");
        md.append("| configuration | request | from | sent | 2xx | statuses | no answer | first problem |\n");
        md.append("|---|---|---|---:|---:|---|---:|---|\n");
        for (String configuration : configurations(launches)) {
            for (RequestAnswers answers : RequestAnswers.sum(answersOf(configuration, launches))) {
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %d | %d | %s | %d | %s |%n", configuration,
                        answers.request().label(), answers.request().source(), answers.sent(), answers.ok(),
                        answers.statusesText(), answers.noAnswer(),
                        answers.firstProblem() == null ? "" : answers.firstProblem().replace("|", "\\|")));
            }
        }
        return md.append('\n').toString();
    }

    /** One line for the console: empty when every request got a 2xx. */
    static String consoleWarning(LaunchMeasurement launch) {
        long failed = launch.failedRequests();
        if (failed == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "WARNING: %,d requests without a 2xx answer:", failed));
        for (RequestAnswers answers : launch.answers()) {
            if (answers.failed() > 0) {
                text.append(String.format(Locale.ROOT, " %s %,d of %,d (first: %s);", answers.request().label(),
                        answers.failed(), answers.sent(), answers.firstProblem()));
            }
        }
        return text.toString();
    }

    private static List<String> configurations(List<LaunchMeasurement> launches) {
        return launches.stream().map(launch -> launch.configuration().name()).distinct().toList();
    }

    private static List<List<RequestAnswers>> answersOf(String configuration, List<LaunchMeasurement> launches) {
        return launches.stream().filter(launch -> launch.configuration().name().equals(configuration))
                .map(LaunchMeasurement::answers).toList();
    }

    private static String percent(long part, long whole) {
        double share = whole == 0 ? 0 : 100.0 * part / whole;
        return String.format(Locale.ROOT, share >= 1 ? "%.0f%%" : "%.2f%%", share);
    }
}
