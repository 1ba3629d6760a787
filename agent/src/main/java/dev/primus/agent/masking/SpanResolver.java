package dev.primus.agent.masking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the spans the detectors found into the ones to mask: none inside a marker we wrote
 * before, cut short where one runs into such a marker, each value's other places in the text
 * added ({@link #addRepeats}), and no overlaps. Of overlapping spans the
 * earliest, then longest, names the value, and the value grows to cover them all: a card number
 * that starts inside a password value and runs past it must not leave its tail in clear.
 */
final class SpanResolver {
    private static final int PASSWORD_KV = BuiltInDetector.PASSWORD_KV.ordinal();
    /** The shortest value looked for again elsewhere in the text ({@link #addRepeats}). */
    private static final int MIN_REPEAT = 8;
    /** How many values found are looked for again: a text with more is masked as found. */
    private static final int MAX_REPEATED = 16;

    private final Markers markers;

    SpanResolver(Markers markers) {
        this.markers = markers;
    }

    /**
     * Adds the other places in {@code text} where a value password_kv found stands again, whole, as a
     * word of its own: a secret named once by its key and written again where nothing names it (Django's
     * SQL log, {@code "password" = 'pbkdf2_sha256$…' … args=('pbkdf2_sha256$…', …)}; a header's
     * value and the same value in a dump of the headers). Values shorter than {@link #MIN_REPEAT}
     * are left to where they were found: short ones recur by chance.
     */
    private void addRepeats(List<Span> candidates, CharSequence text, int from, int end) {
        int found = Math.min(candidates.size(), MAX_REPEATED);
        for (int k = 0; k < found; k++) {
            Span value = candidates.get(k);
            int length = value.end - value.start;
            if (length < MIN_REPEAT || value.detector != PASSWORD_KV) {
                continue; // a value known by its shape is found wherever it stands as one
            }
            for (int at = indexOf(text, value, from, end); at >= 0; at = indexOf(text, value, at + length, end)) {
                if (at != value.start && standsAlone(text, from, at, at + length, end)
                        && markers.markerAround(text, from, at, end) < 0) {
                    candidates.add(new Span(at, at + length, value.detector));
                }
            }
        }
    }

    /** Where the text of {@code value} stands in {@code text[at, end)}, or -1. */
    private static int indexOf(CharSequence text, Span value, int at, int end) {
        int length = value.end - value.start;
        char first = text.charAt(value.start);
        for (int i = at; i + length <= end; i++) {
            if (text.charAt(i) == first && regionMatches(text, i, value.start, length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatches(CharSequence text, int at, int other, int length) {
        for (int i = 1; i < length; i++) {
            if (text.charAt(at + i) != text.charAt(other + i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether no letter or digit runs on into {@code text[start, stop)} from either side. */
    private static boolean standsAlone(CharSequence text, int from, int start, int stop, int end) {
        return (start == from || !CharClass.isAlnum(text.charAt(start - 1)))
                && (stop == end || !CharClass.isAlnum(text.charAt(stop)));
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
        addRepeats(candidates, text, from, end);
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
