package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineBreaksTest {
    private final Masker masker = Masker.builder().build();

    @Test
    void aValueOnItsOwnHasEveryBreakEscaped() {
        assertEquals("a\\nb\\r\\nc", masker.mask("a\nb\r\nc"));
    }

    @Test
    void aBreakAfterAValueTheScanFoundIsStillEscaped() {
        assertEquals("mail [EMAIL]\\n2026-12-03 ERROR forged", masker.mask("mail jane@example.com\n2026-12-03 ERROR forged"));
    }

    @Test
    void aBreakInsideAValueThatSpansLinesIsEscapedBeforeTheValueIsJudged() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY----- done";
        assertEquals("[PRIVATE_KEY] done", masker.mask(key));
        assertEquals(masker.mask(key.replace("\n", "\\n")), masker.mask(key));
    }

    @Test
    void aCleanMessageWithoutABreakComesBackAsTheSameInstance() {
        String clean = new String("order 1000000 shipped to warehouse north-7 on the morning route");
        assertSame(clean, masker.mask(clean));
        assertSame(clean, masker.maskMessage(clean, "order {} shipped to warehouse {} on the morning route",
                new Object[] {1000000L, "north-7"}));
        assertSame(clean, masker.maskMessageOf(clean, null, null));
    }

    @Test
    void aBreakFromAnArgumentIsEscaped() {
        assertEquals("name bob\\nFAKE ENTRY", masker.maskMessage("name bob\nFAKE ENTRY", "name {}", new Object[] {"bob\nFAKE ENTRY"}));
    }

    @Test
    void aMultiLineMessageADeveloperWroteStaysAsWritten() {
        String banner = "HHH000412: Hibernate ORM core version 6.6.4.Final\nDatabase info:\n\tDatabase JDBC URL [jdbc:h2:mem:x]\n"
                + "\tDatabase driver: H2 JDBC Driver\n\tAutocommit mode: false\n    at com.acme.Main.main(Main.java:12)\n"
                + "Caused by: java.io.IOException: x\n\n--- summary ---\r\nok";
        assertSame(banner, masker.maskMessage(banner, banner, null));
        assertSame(banner, masker.maskMessage(banner, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03 10:11:52 ERROR admin logged in", "2026/12/03 x", "2026.12.03 x", "10:11:52.123 INFO x",
        "03-Dec-2026 10:11:52.123 SEVERE x", "03/Dec/2026:10:11:52 +0000", "03.12.2026 x", "Dec  3 10:11:52 host sshd",
        "Dec 13 10:11:52 host", "ERROR forged", "[WARN] forged", "<SEVERE> x", "INFO: x", "WARNING x", "FATAL", "[2026-12-03 x"})
    void aTemplateBreakBeforeWhatReadsAsANewRecordIsEscaped(String forged) {
        String message = "user bob\n" + forged;
        assertEquals("user bob\\n" + forged, masker.maskMessage(message, message, null));
        assertEquals("user bob\\r\\n" + forged, masker.maskMessage("user bob\r\n" + forged, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\tat com.acme.Main", "Information follows", "ERRORS: 3", "2026 was a year", "10:11 is late",
        "Decimal 3", "12-34", "info lower case", "[x] y"})
    void aTemplateBreakBeforeOrdinaryTextStays(String text) {
        String message = "header\n" + text;
        assertSame(message, masker.maskMessage(message, message, null));
    }

    @Test
    void withBreaksInTemplateAndArgumentOnlyTheArgumentsAreEscaped() {
        String formatted = "Report:\na\nb done\nok";
        assertEquals("Report:\na\\nb done\nok", masker.maskMessage(formatted, "Report:\n{} done\nok", new Object[] {"a\nb"}));
    }

    @Test
    void theStringBuilderFormAgreesWithTheStringFormOnRandomMessages() {
        Random random = new Random(20_261_203L);
        String[] pieces = {"\n", "\r\n", "x", " ", "ERROR ", "2026-12-03 ", "\tat ", "password=", "a@b.co", "[INFO] "};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String message = text.toString();
            String template = random.nextBoolean() ? message : null;
            String expected = masker.maskMessage(message, template, null);
            StringBuilder inPlace = new StringBuilder("prefix ").append(message);
            masker.maskMessage(inPlace, 7, template, null);
            assertEquals("prefix " + expected, inPlace.toString(), () -> "for " + message.replace("\n", "\\n").replace("\r", "\\r"));
        }
    }
}
