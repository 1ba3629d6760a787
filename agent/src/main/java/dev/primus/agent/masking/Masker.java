package dev.primus.agent.masking;

import dev.primus.config.MaskingConfig;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks PII and secrets in log messages: {@code logging.masking} of primus.yaml, compiled once.
 * Immutable and thread-safe. A message is judged on its own, with one exception: which parameters
 * of the SQL statement a thread logged last bind a secret, kept per thread for the lines of
 * parameters MyBatis and Hibernate log after it ({@link LastStatement}). See the package
 * documentation for the design.
 */
public final class Masker {
    /**
     * What a message becomes if masking itself fails: a lost line is better than a leaked value,
     * and this one tells the reader what happened.
     */
    static final String FAILED = "[MASKING_FAILED]";

    private final Detector[] detectors;
    /** The same detectors, for values that are also a secret key's value (see {@link Span#secretValue}). */
    private final Detector[] secretDetectors;
    private final SpanFinder finder;
    private final SpanResolver resolver;
    private final MaskStyle style;
    private final DetectorCounts counts;
    private final ValueKeys valueKeys = new ValueKeys();

    private Masker(Detector[] detectors, SpanFinder finder, Markers markers, MaskStyle style) {
        this.detectors = detectors;
        this.secretDetectors = new Detector[detectors.length];
        for (int i = 0; i < detectors.length; i++) {
            secretDetectors[i] = detectors[i].showingNothing();
        }
        this.finder = finder;
        this.resolver = new SpanResolver(markers);
        this.style = style;
        String[] names = new String[detectors.length];
        for (int i = 0; i < detectors.length; i++) {
            names[i] = detectors[i].name;
        }
        this.counts = new DetectorCounts(names);
    }

    /** The masker a config describes; throws IllegalArgumentException as {@link Builder#build} does. */
    public static Masker from(MaskingConfig config) {
        return from(config, false);
    }

    /** {@link #from(MaskingConfig)}, for a log file's whole lines when {@code fileLines} ({@link Builder#fileLines}). */
    public static Masker from(MaskingConfig config, boolean fileLines) {
        Builder builder = builder()
                .detectors(config.detectors().toArray(new String[0]))
                .style(config.style())
                .hashKey(config.hashKey())
                .fileLines(fileLines);
        for (Map.Entry<String, String> custom : config.custom().entrySet()) {
            builder.custom(custom.getKey(), custom.getValue());
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The message with every found value masked and CR/LF escaped; the same instance when there
     * was nothing to change, so a clean message costs no copy. Null for null. Never throws.
     */
    public String mask(String message) {
        if (message == null) {
            return null;
        }
        try {
            String masked = maskUnlessBreak(message);
            return masked != null ? masked : maskEscaped(LineBreaks.escape(message));
        } catch (RuntimeException e) {
            return FAILED;
        }
    }

    /**
     * A value a layout writes apart from its key (an MDC or context entry, a key-value pair, a
     * JSON field): masked alone, and, when the key names what such a value is ({@code password},
     * {@code phone}, {@code ssn}, {@code aws_secret_access_key}), judged as {@code key=value} would
     * be, so a value that is a secret or PII only by its key is masked here as in a message. Only
     * such keys cost a copy. The same instance when nothing changed.
     */
    public String maskValueOf(String key, String value) {
        String alone = mask(value);
        if (key == null || value == null || alone != value || !valueKeys.namesItsValue(key)) {
            return alone;
        }
        String joined = key + "=" + value;
        String masked = mask(joined);
        // A key with a line break or a marker in it would shift the value: judged alone then.
        return masked != joined && masked.startsWith(joined.substring(0, key.length() + 1))
                ? masked.substring(key.length() + 1) : alone;
    }

    /**
     * A formatted log message, masked: as {@link #mask(String)}, but a line break of the template
     * stays unless the text after it could pass for a new record, and only those of its arguments
     * are always escaped (see {@link LineBreaks}). {@code template} null: the message is its own
     * template ({@code log.info("user " + input)}). The same instance when nothing changed.
     */
    public String maskMessage(String formatted, String template, Object[] arguments) {
        if (formatted == null) {
            return null;
        }
        try {
            String masked = maskUnlessBreak(formatted);
            return masked != null ? masked : maskEscaped(LineBreaks.neutralise(formatted, template, arguments));
        } catch (RuntimeException e) {
            return FAILED;
        }
    }

    /** {@link #maskMessage(String, String, Object[])} for a message known to hold a line break. */
    private String maskNeutralised(String formatted, String template, Object[] arguments) {
        try {
            return maskEscaped(LineBreaks.neutralise(formatted, template, arguments));
        } catch (RuntimeException e) {
            return FAILED;
        }
    }

    /**
     * Where a formatted message's template and arguments are read, for {@link #maskMessageOf}:
     * only for a message that holds a line break, the rare one where it matters which part of
     * the text a developer wrote. A reader throws as its library does.
     */
    public interface MessageParts {
        String template(Object message);

        Object[] arguments(Object message);
    }

    /**
     * {@link #maskMessage(String, String, Object[])} for a message whose template and arguments
     * {@code parts} reads from {@code message} (null parts: the message is its own template), one
     * line-break check in all. What the reader throws is not caught here.
     */
    public String maskMessageOf(String formatted, MessageParts parts, Object message) {
        if (formatted == null) {
            return null;
        }
        try {
            String masked = maskUnlessBreak(formatted);
            if (masked != null) {
                return masked;
            }
        } catch (RuntimeException e) {
            return FAILED;
        }
        return maskNeutralised(formatted, parts == null ? null : parts.template(message),
                parts == null ? null : parts.arguments(message));
    }

    /** {@link #maskMessageOf(String, MessageParts, Object)} in place, as {@link #mask(StringBuilder, int)} does. */
    public boolean maskMessageOf(StringBuilder text, int from, MessageParts parts, Object message) {
        if (text == null || from < 0 || from >= text.length()) {
            return false;
        }
        boolean breaks = LineBreaks.firstBreak(text, from) >= 0;
        return mask(text, from, false, breaks && parts != null ? parts.template(message) : null,
                breaks && parts != null ? parts.arguments(message) : null, breaks);
    }

    /**
     * Whether {@code text} would pass every masking call as written: no value in it, and no CR or
     * LF to neutralise. One scan that allocates nothing and calls no code of the app's; false when
     * the scan fails, so that the masking call itself reports the failure.
     */
    public boolean passes(String text) {
        try {
            return text == null || finder.find(text, 0, true) == null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The text with every found value masked, or null when it holds a CR or LF, which must be
     * neutralised first. The common message has none: one scan then finds that out and judges it,
     * where looking for breaks first would cost a pass of its own.
     */
    private String maskUnlessBreak(String text) {
        List<Span> found = finder.find(text, 0, true);
        if (found == null) {
            return text;
        }
        // A value the scan went past may hold a break: only a message with values pays for this look.
        if (found == SpanFinder.LINE_BREAK || LineBreaks.any(text)) {
            return null;
        }
        return replacedOrRowStarred(text, found);
    }

    /** The text, its line breaks already neutralised, with every found value masked. */
    private String maskEscaped(String text) {
        List<HexDump> dumps = HexDump.in(text, 0);
        if (dumps != null) {
            return maskedWithDumps(text, dumps);
        }
        List<Span> found = finder.find(text, 0);
        return found == null ? text : replacedOrRowStarred(text, found);
    }

    /**
     * The found values replaced; or, where the text is a wire log's row that holds its bytes twice
     * ({@link WireLogRow}, asked only now that a value was found), that row's bytes judged as a dump's.
     */
    private String replacedOrRowStarred(String text, List<Span> found) {
        HexDump row = WireLogRow.in(text, 0);
        return row == null ? replaced(text, found) : maskedWithDumps(text, Collections.singletonList(row));
    }

    private String maskedWithDumps(String text, List<HexDump> dumps) {
        StringBuilder masked = new StringBuilder(text);
        return maskNeutralised(masked, 0, dumps) ? masked.toString() : text;
    }

    private String replaced(String text, List<Span> found) {
        List<Span> spans = resolver.resolve(found, text, 0);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * spans.size());
        int copied = 0;
        for (Span span : spans) {
            out.append(text, copied, span.start).append(replacement(text, span));
            copied = span.end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * Masks {@code text} from index {@code from} to its end, in place, for layouts that build the
     * line in a StringBuilder; what comes before {@code from} is neither read nor changed. True
     * when anything changed. Allocates nothing when nothing matched. Never throws.
     */
    public boolean mask(StringBuilder text, int from) {
        // Escaping changes the text exactly where it held a break.
        return mask(text, from, true, null, null, false);
    }

    /** {@link #maskMessage(String, String, Object[])} in place, as {@link #mask(StringBuilder, int)} does. */
    public boolean maskMessage(StringBuilder text, int from, String template, Object[] arguments) {
        boolean breaks = text != null && from >= 0 && LineBreaks.firstBreak(text, from) >= 0;
        return mask(text, from, false, template, arguments, breaks);
    }

    /** {@code breaks}: the text held a CR or LF before it was neutralised, so it may hold a hex dump. */
    private boolean mask(StringBuilder text, int from, boolean everyBreak, String template, Object[] arguments,
            boolean breaks) {
        if (text == null || from < 0 || from >= text.length()) {
            return false;
        }
        try {
            boolean changed = everyBreak ? LineBreaks.escape(text, from)
                    : LineBreaks.neutralise(text, from, template, arguments);
            List<HexDump> dumps = breaks || changed ? HexDump.in(text, from) : null;
            return maskNeutralised(text, from, dumps) || changed;
        } catch (RuntimeException e) {
            text.setLength(from);
            text.append(FAILED);
            return true;
        }
    }

    /**
     * Masks {@code text} from {@code from} in place, its breaks already neutralised: the values in
     * the bytes of each hex dump ({@link HexDump}, null for none) starred, then those in the rest of
     * the text replaced. True when anything changed.
     */
    private boolean maskNeutralised(StringBuilder text, int from, List<HexDump> dumps) {
        boolean starred = dumps != null && starDumps(text, dumps);
        List<Span> found = finder.find(text, from);
        if (found == null) {
            return starred;
        }
        HexDump row = dumps == null ? WireLogRow.in(text, from) : null;
        if (row != null) {
            // Found after the scan, which is what tells that the message may hold one: the row's
            // values are then judged in its bytes, and what the scan found in it is dropped below.
            dumps = Collections.singletonList(row);
            starred = starDumps(text, dumps);
        }
        List<Span> spans = resolver.resolve(dumps == null ? found : outside(found, dumps), text, from);
        // Back to front, so the indexes of the spans not yet replaced stay valid.
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span span = spans.get(i);
            text.replace(span.start, span.end, replacement(text, span));
        }
        return starred || !spans.isEmpty();
    }

    /** Stars the values each dump's bytes hold; true when it starred any. Lengths stay. */
    private boolean starDumps(StringBuilder text, List<HexDump> dumps) {
        boolean starred = false;
        for (HexDump dump : dumps) {
            List<Span> found = finder.find(dump.bytes, 0);
            if (found == null) {
                continue;
            }
            for (Span value : resolver.resolve(found, dump.bytes, 0)) {
                counts.increment(value.detector);
                dump.star(text, value.start, value.end);
                starred = true;
            }
        }
        return starred;
    }

    /**
     * The spans, less what of them lies in a dump's rows: those rows hold no text of their own. A
     * span that runs into a dump ends where the dump starts.
     */
    private static List<Span> outside(List<Span> found, List<HexDump> dumps) {
        List<Span> kept = new ArrayList<Span>(found.size());
        for (Span span : found) {
            HexDump dump = dumps.get(firstEndingAfter(dumps, span.start));
            int end = dump.overlaps(span.start, span.end) ? Math.max(span.start, dump.start) : span.end;
            if (end == span.end) {
                kept.add(span);
            } else if (end > span.start) {
                kept.add(new Span(span.start, end, span.detector, span.secretValue));
            }
        }
        return kept;
    }

    /** The first of the dumps (in text order) that ends after {@code at}, or the last one. */
    private static int firstEndingAfter(List<HexDump> dumps, int at) {
        int low = 0;
        int high = dumps.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (dumps.get(middle).end > at) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /**
     * The first {@code count} parts {@code [starts[i], ends[i])} of {@code text} as masking the whole text would write
     * them: a value that reaches into a part is replaced there whole, a part no value reaches into
     * is null, and the answer is null when the text holds no value. For the arguments of a log
     * message that a layout also writes apart from it (a JSON encoder's {@code arg0}, an error
     * tracker's parameters): each judged where it stands in the message, its key before it. Not
     * counted: the message that holds them counts its values. Never throws: a part reads
     * {@code [MASKING_FAILED]} when the scan fails.
     */
    public String[] maskedParts(CharSequence text, int[] starts, int[] ends, int count) {
        try {
            List<Span> found = finder.find(text, 0);
            if (found == null) {
                return null;
            }
            List<Span> spans = resolver.resolve(found, text, 0);
            String[] parts = null;
            for (int i = 0; i < count; i++) {
                String part = maskedPart(text, spans, starts[i], ends[i]);
                if (part != null) {
                    if (parts == null) {
                        parts = new String[count];
                    }
                    parts[i] = part;
                }
            }
            return parts;
        } catch (RuntimeException e) {
            String[] failed = new String[count];
            Arrays.fill(failed, FAILED);
            return failed;
        }
    }

    /** {@code text[start, end)} with the spans that reach into it replaced, or null when none does. */
    private String maskedPart(CharSequence text, List<Span> spans, int start, int end) {
        StringBuilder part = null;
        int copied = start;
        for (Span span : spans) {
            if (span.end <= start || span.start >= end) {
                continue;
            }
            if (part == null) {
                part = new StringBuilder(end - start + 16);
            }
            part.append(text, copied, Math.max(copied, span.start)).append(styled(text, span));
            copied = Math.min(span.end, end);
        }
        return part == null ? null : part.append(text, copied, end).toString();
    }

    /** What {@link #drainCounts} would return now, leaving the counts as they are. */
    public Map<String, Long> peekCounts() {
        return counts.peek();
    }

    /**
     * Detector name to the number of values it masked since the last call, non-zero entries only;
     * a new map the caller owns. Meant for a once-a-minute audit event.
     */
    public Map<String, Long> drainCounts() {
        return counts.drain();
    }

    private String replacement(CharSequence text, Span span) {
        counts.increment(span.detector);
        return styled(text, span);
    }

    /** The span's replacement in the configured style, uncounted. */
    private String styled(CharSequence text, Span span) {
        Detector detector = (span.secretValue ? secretDetectors : detectors)[span.detector];
        return style.replacement(text, span.start, span.end, detector);
    }

    /** Collects the settings of a {@link Masker}; not thread-safe, use it on one thread. */
    public static final class Builder {
        private List<String> detectorNames;
        private String style = "redact";
        private String hashKey;
        private boolean fileLines;
        private final Map<String, String> custom = new LinkedHashMap<String, String>();

        private Builder() {
        }

        /** The built-in detectors by config name. Without this call: every one except ip_address. */
        public Builder detectors(String... configNames) {
            this.detectorNames = new ArrayList<String>(Arrays.asList(configNames));
            return this;
        }

        /** {@code redact} (the default, also for null), {@code partial} or {@code hash}. */
        public Builder style(String style) {
            this.style = style == null ? "redact" : style;
            return this;
        }

        /**
         * The HMAC key for style hash. Null means a random key per process: nobody, not even the
         * operator, can then reverse a marker by hashing candidate values, but the same value only
         * gets the same marker within this one process (not across restarts or instances).
         */
        public Builder hashKey(String hashKey) {
            this.hashKey = hashKey;
            return this;
        }

        /**
         * Whether each text is a log file's whole line, the record's prefix before its message
         * ({@code mask} on a file), rather than a message alone (the agent): a message's start is
         * then looked for after the prefix too ({@link RecordPrefix}), which costs the agent's
         * messages a pass they do not need.
         */
        public Builder fileLines(boolean fileLines) {
            this.fileLines = fileLines;
            return this;
        }

        /** A custom detector: {@code name} (lower case, digits, '_') and an RE2 pattern; in order. */
        public Builder custom(String name, String re2Pattern) {
            if (name == null || !isCustomName(name)) {
                throw new IllegalArgumentException("custom masking detector name '" + name
                        + "' must be lower-case letters, digits and '_', starting with a letter");
            }
            if (BuiltInDetector.named(name) != null || custom.containsKey(name)) {
                throw new IllegalArgumentException("custom masking detector '" + name + "' is defined twice or has "
                        + "the name of a built-in detector; give it another name");
            }
            custom.put(name, re2Pattern);
            return this;
        }

        /**
         * The masker. IllegalArgumentException, naming the culprit, for an unknown detector or
         * style, an empty hash key, or a custom pattern RE2 cannot compile.
         */
        public Masker build() {
            int enabled = enabledBits();
            MaskStyle maskStyle = maskStyle();
            BuiltInDetector[] builtIns = BuiltInDetector.values();
            Detector[] detectors = new Detector[builtIns.length + custom.size()];
            CustomDetector[] customs = new CustomDetector[custom.size()];
            for (BuiltInDetector builtIn : builtIns) {
                detectors[builtIn.ordinal()] = Detector.builtIn(builtIn);
            }
            int k = 0;
            for (Map.Entry<String, String> entry : custom.entrySet()) {
                customs[k] = CustomDetector.compile(entry.getKey(), entry.getValue());
                detectors[builtIns.length + k] = Detector.custom(entry.getKey());
                k++;
            }
            String[] markerNames = new String[detectors.length];
            for (int i = 0; i < detectors.length; i++) {
                markerNames[i] = detectors[i].markerName;
            }
            Markers markers = new Markers(markerNames);
            return new Masker(detectors, new SpanFinder(enabled, markers, customs, fileLines), markers, maskStyle);
        }

        private int enabledBits() {
            if (detectorNames == null) {
                return ~BuiltInDetector.IP_ADDRESS.bit() & ((1 << BuiltInDetector.values().length) - 1);
            }
            int enabled = 0;
            for (String name : detectorNames) {
                BuiltInDetector detector = BuiltInDetector.named(name);
                if (detector == null) {
                    throw new IllegalArgumentException("unknown masking detector '" + name + "'; known detectors: "
                            + BuiltInDetector.configNames() + " (custom patterns go under logging.masking.custom)");
                }
                enabled |= detector.bit();
            }
            return enabled;
        }

        private MaskStyle maskStyle() {
            if ("redact".equals(style)) {
                return new RedactStyle();
            }
            if ("partial".equals(style)) {
                return new PartialStyle();
            }
            if ("hash".equals(style)) {
                return new HashStyle(hashKeyBytes());
            }
            throw new IllegalArgumentException("unknown masking style '" + style + "'; use redact, partial or hash");
        }

        private byte[] hashKeyBytes() {
            if (hashKey == null) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                return random;
            }
            if (hashKey.isEmpty()) {
                throw new IllegalArgumentException("masking hash key is empty; set logging.masking.hash_key from a "
                        + "secret, e.g. ${env:PRIMUS_MASKING_KEY}, or leave it out for a random per-process key");
            }
            return hashKey.getBytes(StandardCharsets.UTF_8);
        }

        private static boolean isCustomName(String name) {
            if (name.isEmpty() || !CharClass.isLower(name.charAt(0))) {
                return false;
            }
            for (int i = 1; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!CharClass.isLower(c) && !CharClass.isDigit(c) && c != '_') {
                    return false;
                }
            }
            return true;
        }
    }
}
