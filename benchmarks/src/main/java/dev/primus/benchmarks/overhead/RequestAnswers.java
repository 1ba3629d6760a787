package dev.primus.benchmarks.overhead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How one request of the mix was answered: counts by status, the sends with no answer, and the
 * first problem seen (a non-2xx status or why there was no answer; null when there was none).
 */
record RequestAnswers(LoadRequest request, SortedMap<Integer, Long> byStatus, long noAnswer, String firstProblem) {
    RequestAnswers {
        byStatus = Collections.unmodifiableSortedMap(new TreeMap<>(byStatus));
    }

    long sent() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum() + noAnswer;
    }

    long ok() {
        return byStatus.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
    }

    /** Sends without a 2xx answer: other statuses and no answer at all. */
    long failed() {
        return sent() - ok();
    }

    /** The same request's answers in another launch added to these: a configuration's rounds together. */
    RequestAnswers plus(RequestAnswers other) {
        SortedMap<Integer, Long> sum = new TreeMap<>(byStatus);
        other.byStatus.forEach((status, count) -> sum.merge(status, count, Long::sum));
        return new RequestAnswers(request, sum, noAnswer + other.noAnswer, firstProblem != null ? firstProblem : other.firstProblem);
    }

    /** {@code 200 ×1000, 401 ×12}; empty when nothing was answered. */
    String statusesText() {
        return byStatus.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Each request's answers over several launches, by position in the mix (every launch sends the same mix). */
    static List<RequestAnswers> sum(List<List<RequestAnswers>> launches) {
        List<RequestAnswers> total = null;
        for (List<RequestAnswers> launch : launches) {
            if (total == null) {
                total = launch;
                continue;
            }
            List<RequestAnswers> next = new ArrayList<>();
            for (int i = 0; i < total.size(); i++) {
                next.add(total.get(i).plus(launch.get(i)));
            }
            total = next;
        }
        return total == null ? List.of() : List.copyOf(total);
    }
}
