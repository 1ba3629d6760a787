package dev.primus.benchmarks.overhead;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the app answered to each request of the mix during one launch: counts by status, and the
 * sends that got no answer (refused, dropped, timed out, unreadable) with the first reason. A run
 * whose requests are refused measures the refusal, not the app; this is how the report knows.
 * Written from the client's threads, so a request costs one atomic increment and no allocation.
 */
final class AnswerTally {
    /** Status codes are three digits; a slot for each keeps recording to one array index. */
    private static final int STATUSES = 1000;

    private final List<LoadRequest> requests;
    private final AtomicLongArray byStatus;
    private final AtomicLongArray noAnswer;
    private final AtomicReferenceArray<String> firstProblem;

    AnswerTally(List<LoadRequest> requests) {
        this.requests = List.copyOf(requests);
        this.byStatus = new AtomicLongArray(requests.size() * STATUSES);
        this.noAnswer = new AtomicLongArray(requests.size());
        this.firstProblem = new AtomicReferenceArray<>(requests.size());
    }

    /** {@code request}: its index in the mix. */
    void answered(int request, int status) {
        if (status < 100 || status >= STATUSES) {
            unanswered(request, "status " + status + " is not an HTTP status");
            return;
        }
        byStatus.incrementAndGet(request * STATUSES + status);
        if (status / 100 != 2 && firstProblem.get(request) == null) {
            firstProblem.compareAndSet(request, null, "status " + status);
        }
    }

    void unanswered(int request, String why) {
        noAnswer.incrementAndGet(request);
        if (firstProblem.get(request) == null) {
            firstProblem.compareAndSet(request, null, why);
        }
    }

    void unanswered(int request, Throwable why) {
        if (firstProblem.get(request) == null) {
            unanswered(request, why.getClass().getSimpleName() + (why.getMessage() == null ? "" : ": " + why.getMessage()));
        } else {
            noAnswer.incrementAndGet(request);
        }
    }

    /** The counts so far, one entry per request of the mix, in its order. */
    List<RequestAnswers> counts() {
        List<RequestAnswers> counts = new ArrayList<>();
        for (int request = 0; request < requests.size(); request++) {
            SortedMap<Integer, Long> statuses = new TreeMap<>();
            for (int status = 100; status < STATUSES; status++) {
                long count = byStatus.get(request * STATUSES + status);
                if (count > 0) {
                    statuses.put(status, count);
                }
            }
            counts.add(new RequestAnswers(requests.get(request), statuses, noAnswer.get(request), firstProblem.get(request)));
        }
        return counts;
    }
}
