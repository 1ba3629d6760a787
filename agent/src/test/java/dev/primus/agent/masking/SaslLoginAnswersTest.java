package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SASL LOGIN's answer, masked in a record after the password prompt's. Each case runs on a thread
 * of its own: the state is the thread's, and no other test's thread should inherit an awaited answer.
 */
class SaslLoginAnswersTest {
    private final Masker masker = Masker.builder().build();

    /** Records as traces log them, '~' between: the prompt, then the answer. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // Jakarta Mail with mail.debug.auth, through its logger.
        "334 UGFzc3dvcmQ6~VHIwdWI0ZG9yJjMteHl6 | 334 UGFzc3dvcmQ6~[PASSWORD_KV]",
        // GreenMail's line logger writes the break escaped.
        "S: 334 UGFzc3dvcmQ6\\r\\n~C: VHIwdWI0ZG9yJjMteHl6\\r\\n | S: 334 UGFzc3dvcmQ6\\r\\n~C: [PASSWORD_KV]\\r\\n",
        // Postfix's debug_peer_list, Exim's -d with a TLS line between, Python's smtplib.
        "> localhost[127.0.0.1]: 334 UGFzc3dvcmQ6~< localhost[127.0.0.1]: RXJpbkFyZ29uMmlkKlBhc3M= "
            + "| > localhost[127.0.0.1]: 334 UGFzc3dvcmQ6~< localhost[127.0.0.1]: [PASSWORD_KV]",
        "SMTP>> 334 UGFzc3dvcmQ6~tls_write(0x5, 18)~outbytes=18~SMTP<< Z3Vlc3MxMjM0LWJhZA== "
            + "| SMTP>> 334 UGFzc3dvcmQ6~tls_write(0x5, 18)~outbytes=18~SMTP<< [PASSWORD_KV]",
        "`reply: b'334 UGFzc3dvcmQ6\\r\\n'~send: 'aHVudGVyMg==\\r\\n'` "
            + "| `reply: b'334 UGFzc3dvcmQ6\\r\\n'~send: '[PASSWORD_KV]\\r\\n'`",
        // IMAP's AUTHENTICATE LOGIN, a lower-case prompt.
        "+ cGFzc3dvcmQ6~aHVudGVyMg== | + cGFzc3dvcmQ6~[PASSWORD_KV]",
        // The user's name after its prompt stays; what the server says next has no answer's shape.
        "334 VXNlcm5hbWU6~YWxpY2U=~334 UGFzc3dvcmQ6~aHVudGVyMg==~235 2.7.0 Authentication successful "
            + "| 334 VXNlcm5hbWU6~YWxpY2U=~334 UGFzc3dvcmQ6~[PASSWORD_KV]~235 2.7.0 Authentication successful",
        // Words that are base64 of no printable text, or no base64, stay.
        "334 UGFzc3dvcmQ6~user bob done~auth failed~connection closed "
            + "| 334 UGFzc3dvcmQ6~user bob done~auth failed~connection closed",
        // A prompt in a word of its own only: Dovecot's reply to Postfix is no prompt.
        "auth reply: CONT?2?UGFzc3dvcmQ6~RXJpbkFyZ29u | auth reply: CONT?2?UGFzc3dvcmQ6~RXJpbkFyZ29u",
    })
    void masksTheAnswerAfterThePrompt(String records, String masked) throws Exception {
        assertEquals(masked, String.join("~", onOwnThread(records.split("~"))));
    }

    @Test
    void awaitsTheAnswerOnlyForAFewRecords() throws Exception {
        List<String> records = new ArrayList<String>(Arrays.asList("334 UGFzc3dvcmQ6"));
        for (int i = 0; i < 8; i++) {
            records.add("line " + i);
        }
        records.add("aHVudGVyMg==");
        List<String> masked = onOwnThread(records.toArray(new String[0]));
        assertEquals("aHVudGVyMg==", masked.get(masked.size() - 1));
    }

    @Test
    void awaitsTheAnswerOnlyOnThePromptsThread() throws Exception {
        onOwnThread("334 UGFzc3dvcmQ6");
        assertEquals(Arrays.asList("aHVudGVyMg=="), onOwnThread("aHVudGVyMg=="));
    }

    /** The records masked in turn on a new thread, which then ends. */
    private List<String> onOwnThread(String... records) throws Exception {
        AtomicReference<List<String>> masked = new AtomicReference<List<String>>();
        Thread thread = new Thread(() -> {
            List<String> out = new ArrayList<String>();
            for (String record : records) {
                out.add(masker.mask(record));
            }
            masked.set(out);
        });
        thread.start();
        thread.join(10_000);
        return masked.get();
    }
}
