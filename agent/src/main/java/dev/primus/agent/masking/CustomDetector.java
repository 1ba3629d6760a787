package dev.primus.agent.masking;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * A detector from the config's {@code custom} list: an RE2 pattern matched over the whole
 * message. One RE2/J search runs in time linear in the text whatever the pattern, so a user's
 * {@code (a+)+$} cannot stall a logging thread the way java.util.regex backtracking would.
 *
 * <p>Repeated searches are not linear together: {@code a[^\n]*z|a} over a run of 'a's finds
 * one-char matches, each after a scan to the end (20,000 chars took 6 s). So the matches per
 * message are capped: past {@link #MAX_MATCHES}, the rest of the message is masked as one value
 * instead of searched, which keeps the work linear and never leaves a later value unmasked.
 */
final class CustomDetector {
    static final int MAX_MATCHES = 256;
    static final int MAX_SEARCHES = 1024;

    final String name;
    private final Pattern pattern;

    private CustomDetector(String name, Pattern pattern) {
        this.name = name;
        this.pattern = pattern;
    }

    static CustomDetector compile(String name, String re2Pattern) {
        if (re2Pattern == null) {
            throw new IllegalArgumentException("custom masking detector '" + name + "' has no pattern");
        }
        try {
            return new CustomDetector(name, Pattern.compile(re2Pattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("custom masking detector '" + name + "' has an invalid RE2 pattern '"
                    + re2Pattern + "': " + e.getDescription() + "; see https://github.com/google/re2/wiki/Syntax", e);
        }
    }

    /** Adds every non-empty match in {@code text[from, end)} to {@code found}, allocated when null. */
    List<Span> findAll(CharSequence text, int from, int detector, List<Span> found) {
        CharSequence region = from == 0 ? text : text.subSequence(from, text.length());
        Matcher matcher = pattern.matcher(region);
        List<Span> spans = found;
        int matches = 0;
        int searches = 0;
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) {
                // A pattern that also matches nothing: each empty match is one more search, so
                // these are bounded too; they mask nothing, so stopping loses nothing.
                if (++searches > MAX_SEARCHES) {
                    break;
                }
                continue;
            }
            if (spans == null) {
                spans = new ArrayList<Span>();
            }
            if (++matches > MAX_MATCHES) {
                spans.add(new Span(from + matcher.start(), text.length(), detector));
                break;
            }
            spans.add(new Span(from + matcher.start(), from + matcher.end(), detector));
        }
        return spans;
    }
}
