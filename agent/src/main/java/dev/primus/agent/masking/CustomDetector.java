package dev.primus.agent.masking;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * A detector from the config's {@code custom} list: an RE2 pattern matched over the whole
 * message. RE2/J runs in time linear in the text whatever the pattern, so a user's
 * {@code (a+)+$} cannot stall a logging thread the way java.util.regex backtracking would.
 */
final class CustomDetector {
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
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                if (spans == null) {
                    spans = new ArrayList<Span>();
                }
                spans.add(new Span(from + matcher.start(), from + matcher.end(), detector));
            }
        }
        return spans;
    }
}
