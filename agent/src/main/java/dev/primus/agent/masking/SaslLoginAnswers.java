package dev.primus.agent.masking;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * For password_kv: a client's answer to SASL LOGIN's password prompt, in a message after the
 * prompt's. SMTP's {@code AUTH LOGIN} (and IMAP's and POP3's) asks for the user's name and then
 * for the password in base64, {@code 334 UGFzc3dvcmQ6} ("Password:"), and the client sends each
 * as the base64 of the value on a line of its own; protocol traces log each line as a record of
 * its own (Jakarta Mail's with {@code mail.debug.auth}, GreenMail's {@code C: VHIw...\r\n}, Exim's
 * {@code SMTP<< VHIw...}), so nothing on the answer's line says what it is. A thread that logs a
 * text ending with the prompt awaits the answer in its next few texts: the last word of one, in
 * base64 that decodes to printable text, is masked.
 *
 * <p>Per-thread state, as {@link LastStatement}'s. A text that ends with no prompt costs a compare
 * of its last char; until some thread has logged a prompt, the answer is not looked for at all.
 */
final class SaslLoginAnswers {
    /** "Password:" and "password:" in base64, as servers prompt. */
    private static final String[] PROMPTS = {"UGFzc3dvcmQ6", "cGFzc3dvcmQ6"};
    private static final int PROMPT_LENGTH = 12;
    /**
     * How many texts after the prompt's the answer is looked for in: Exim's TLS lines come between
     * (the fifth), and a layout may mask MDC values of its own between two records.
     */
    private static final int TEXTS = 8;
    /** The shortest answer: the base64 of one char. */
    private static final int MIN_ANSWER = 4;
    private static final int MAX_ANSWER = 512;
    private static final ThreadLocal<int[]> AWAITING = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };
    /** Whether any thread ever logged a prompt: the only thing a clean text reads until then. */
    private static volatile boolean prompted;

    private SaslLoginAnswers() {
    }

    /** The answer in {@code s[from, end)} when the thread awaits one, or NONE; remembers a prompt it ends with. */
    static long match(CharSequence s, int from, int end) {
        if (end > from && mayEndPrompt(s.charAt(end - 1)) && endsWithPrompt(s, from, end)) {
            prompted = true;
            AWAITING.get()[0] = TEXTS;
            return Match.NONE;
        }
        if (!prompted) {
            return Match.NONE;
        }
        int[] awaiting = AWAITING.get();
        if (awaiting[0] == 0) {
            return Match.NONE;
        }
        awaiting[0]--;
        return answer(s, from, end);
    }

    /** The chars a prompt's text may end with: its own last, a line break's, a quote's. */
    private static boolean mayEndPrompt(char c) {
        return c == '6' || c == '\n' || c == '\r' || c == 'n' || c == 'r' || c == '\'' || c == '"' || c == ' ';
    }

    private static boolean endsWithPrompt(CharSequence s, int from, int end) {
        int stop = wordEnd(s, from, end);
        int start = stop - PROMPT_LENGTH;
        if (start < from || start > from && !isBeforeWord(s.charAt(start - 1))) {
            return false;
        }
        for (String prompt : PROMPTS) {
            if (TextSearch.startsWith(s, start, stop, prompt)) {
                return true;
            }
        }
        return false;
    }

    /** The last word of the text when it is base64 of printable text, or NONE. */
    private static long answer(CharSequence s, int from, int end) {
        int stop = wordEnd(s, from, end);
        int start = stop;
        while (start > from && stop - start <= MAX_ANSWER && CharClass.isBase64OrPad(s.charAt(start - 1))) {
            start--;
        }
        int length = stop - start;
        if (length < MIN_ANSWER || length > MAX_ANSWER || start > from && !isBeforeWord(s.charAt(start - 1))
                || BasicCredentials.textEnd(s, start, stop) != stop || !isUtf8(s, start, stop)) {
            return Match.NONE;
        }
        return Match.of(start, stop);
    }

    /**
     * Whether the base64 decodes to well-formed UTF-8: {@link BasicCredentials#textEnd} lets any
     * byte past ASCII through, and a word such as "done" decodes to 0x76 0x89 0xDE. Allocates, but
     * only for a text's last word while the thread awaits an answer.
     */
    private static boolean isUtf8(CharSequence s, int start, int stop) {
        try {
            byte[] bytes = Base64.getDecoder().decode(s.subSequence(start, stop).toString());
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false;
        }
    }

    /** Where the text's last word ends: before trailing spaces, quotes and line breaks, written or escaped. */
    private static int wordEnd(CharSequence s, int from, int end) {
        int stop = end;
        while (stop > from) {
            char c = s.charAt(stop - 1);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\'' || c == '"') {
                stop--;
            } else if ((c == 'n' || c == 'r') && stop - 2 >= from && s.charAt(stop - 2) == '\\') {
                stop -= 2;
            } else {
                return stop;
            }
        }
        return stop;
    }

    /** What a protocol trace writes before a line's text: a space, a direction's mark, a quote, a label's ':'. */
    private static boolean isBeforeWord(char c) {
        return c == ' ' || c == '\t' || c == ':' || c == '>' || c == '<' || c == '\'' || c == '"';
    }
}
