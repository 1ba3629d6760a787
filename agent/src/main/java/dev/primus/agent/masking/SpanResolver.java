package dev.primus.agent.masking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the spans the detectors found into the ones to mask: none inside a marker we wrote
 * before, cut short where one runs into such a marker, and no overlaps. Of overlapping spans the
 * earliest, then longest, names the value, and the value grows to cover them all: a card number
 * that starts inside a password value and runs past it must not leave its tail in clear.
 */
final class SpanResolver {
    private static final int PASSWORD_KV = BuiltInDetector.PASSWORD_KV.ordinal();

    private final Markers markers;

    SpanResolver(Markers markers) {
        this.markers = markers;
    }

    /** Non-overlapping spans in text order; empty when nothing is left to mask. */
    List<Span> resolve(List<Span> found, CharSequence text, int from) {
        int end = text.length();
        List<Span> candidates = new ArrayList<Span>(found.size());
        for (Span span : found) {
            if (markers.markerAround(text, from, span.start, end) >= 0) {
                continue;
            }
            int marker = markers.firstMarkerIn(text, span.start, span.end, end);
            int stop = marker < 0 ? span.end : marker;
            if (stop > span.start) {
                candidates.add(stop == span.end ? span : new Span(span.start, stop, span.detector));
            }
        }
        Collections.sort(candidates, Span.PRECEDENCE);
        List<Span> chosen = new ArrayList<Span>(candidates.size());
        int k = 0;
        while (k < candidates.size()) {
            Span first = candidates.get(k);
            int stop = first.end;
            boolean passwordValue = false;
            for (k++; k < candidates.size() && candidates.get(k).start < stop; k++) {
                Span overlapping = candidates.get(k);
                stop = Math.max(stop, overlapping.end);
                passwordValue |= overlapping.detector == PASSWORD_KV;
            }
            boolean secret = passwordValue && first.detector != PASSWORD_KV;
            chosen.add(stop == first.end && !secret ? first : new Span(first.start, stop, first.detector, secret));
        }
        return chosen;
    }
}
