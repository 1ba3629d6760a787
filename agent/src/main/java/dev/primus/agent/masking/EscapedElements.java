package dev.primus.agent.masking;

/**
 * For password_kv: an XML element named for a password in text whose markup is HTML-escaped, as
 * a SOAP or XML payload is when it is logged inside HTML or by an escaping layout:
 * {@code &lt;password&gt;hunter2&lt;/password&gt;} masks {@code hunter2}. Found from the name's
 * 'p', as {@link ProsePasswords} is; the value runs to the {@code &lt;} that closes the element.
 */
final class EscapedElements {
    private static final String OPEN_END = "&gt;";
    private static final String CLOSE = "&lt;/";
    private static final int MAX_VALUE = 4096;

    private EscapedElements() {
    }

    /** {@code at} is a 'p' or 'P' at a word start. */
    static long match(CharSequence s, int at, int end) {
        for (String word : ProsePasswords.WORDS) {
            int nameEnd = at + word.length();
            if (TextSearch.startsWithIgnoreCase(s, at, end, word) && TextSearch.startsWith(s, nameEnd, end, OPEN_END)) {
                int value = nameEnd + OPEN_END.length();
                int limit = (int) Math.min(end, (long) value + MAX_VALUE + CLOSE.length());
                int close = TextSearch.indexOf(s, CLOSE, value, limit);
                return close <= value || FrameworkValues.isOne(s, value, close) ? Match.NONE : Match.of(value, close);
            }
        }
        return Match.NONE;
    }
}
