package dev.primus.benchmarks.overhead;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which HTTP client generates the load ({@code --client}): the cheap keep-alive one, or the JDK's. */
enum LoadClient {
    KEEPALIVE,
    JDK;

    /** A requester for one launch; {@code connections}: the most the keepalive client opens (the JDK's has no such bound). */
    Requester requester(List<LoadRequest> requests, AnswerTally tally, int connections) {
        return this == KEEPALIVE ? new KeepAliveRequester(requests, tally, connections) : new JdkHttpRequester(requests, tally);
    }

    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LoadClient parse(String value) {
        return Arrays.stream(values()).filter(client -> client.optionValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--client " + value + ": expected keepalive (the default)"
                        + " or jdk"));
    }
}
