package dev.primus.agent.masking;

import java.util.Comparator;

/** A value to mask: {@code [start, end)} of the text, found by the detector at index {@code detector}. */
final class Span {
    /** Earliest first, then longest, then the detector listed first. */
    static final Comparator<Span> PRECEDENCE = new Comparator<Span>() {
        @Override
        public int compare(Span a, Span b) {
            if (a.start != b.start) {
                return a.start < b.start ? -1 : 1;
            }
            if (a.end != b.end) {
                return a.end > b.end ? -1 : 1;
            }
            return Integer.compare(a.detector, b.detector);
        }
    };

    final int start;
    final int end;
    final int detector;
    /**
     * The value is also (part of) a secret key's value ({@code token: 4111...}): it is masked as
     * a secret, showing nothing, whatever detector names it. Otherwise style partial would show a
     * tail that password_kv masks again on a second pass.
     */
    final boolean secretValue;

    Span(int start, int end, int detector) {
        this(start, end, detector, false);
    }

    Span(int start, int end, int detector, boolean secretValue) {
        this.start = start;
        this.end = end;
        this.detector = detector;
        this.secretValue = secretValue;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ") by " + detector;
    }
}
