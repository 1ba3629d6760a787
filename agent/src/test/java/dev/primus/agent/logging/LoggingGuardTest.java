package dev.primus.agent.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.masking.Masker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;

class LoggingGuardTest {
    private final LoggingGuard enforcing = new LoggingGuard(Masker.builder().build(), true);

    @Test
    void cleanValuesComeBackAsTheSameObjects() {
        String text = "order 12345 shipped";
        assertSame(text, enforcing.maskText(text));
        Object[] arguments = {"north-7", 42};
        assertSame(arguments, enforcing.maskArguments(arguments));
        Map<String, String> mdc = Map.of("region", "eu-west");
        assertSame(mdc, enforcing.maskValues(mdc));
        Message message = new ParameterizedMessage("order {} shipped", 12345);
        assertSame(message, enforcing.maskLog4jMessage(message));
    }

    @Test
    void argumentsAreCopiedWithOnlyTheirStringsMasked() {
        Object[] arguments = {"jane@example.com", 42, "north-7"};
        Object[] masked = enforcing.maskArguments(arguments);
        assertArrayEquals(new Object[] {"[EMAIL]", 42, "north-7"}, masked);
        assertEquals("jane@example.com", arguments[0], "the caller's array is never written");
    }

    @Test
    void mdcValuesAreMaskedInACopyKeepingTheKeysAndTheirOrder() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("customer", "jane@example.com");
        mdc.put("region", "eu-west");
        Map<?, ?> masked = enforcing.maskValues(mdc);
        assertEquals("{customer=[EMAIL], region=eu-west}", masked.toString());
        assertEquals("jane@example.com", mdc.get("customer"));
    }

    @Test
    void mapValuesThatAreNotStringsAreLeftAsTheyAre() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("count", 4111111111111111L);
        entries.put("buyer", "jane@example.com");
        assertEquals("{count=4111111111111111, buyer=[EMAIL]}", enforcing.maskValues(entries).toString());
    }

    @Test
    void aLog4jMessageWithSomethingToMaskBecomesASimpleMessageOfTheMaskedText() {
        Message masked = (Message) enforcing.maskLog4jMessage(new ParameterizedMessage("user {} paid", "jane@example.com"));
        assertTrue(masked instanceof SimpleMessage);
        assertEquals("user [EMAIL] paid", masked.getFormattedMessage());
    }

    @Test
    void aLog4jMapMessageStaysAMapMessageWithItsValuesMasked() {
        StringMapMessage message = new StringMapMessage().with("buyer", "jane@example.com").with("region", "eu-west");
        StringMapMessage masked = (StringMapMessage) enforcing.maskLog4jMessage(message);
        assertEquals("[EMAIL]", masked.get("buyer"), "JSON layouts still write it as fields");
        assertEquals("eu-west", masked.get("region"));
        assertEquals("jane@example.com", message.get("buyer"), "the app's message is never written");
        StringMapMessage clean = new StringMapMessage().with("region", "eu-west");
        assertSame(clean, enforcing.maskLog4jMessage(clean));
    }

    @Test
    void aMapValueThatIsASecretByItsKeyIsStillMasked() {
        Message masked = (Message) enforcing.maskLog4jMessage(new StringMapMessage().with("password", "hunter2secret"));
        assertFalse(masked.getFormattedMessage().contains("hunter2secret"), masked.getFormattedMessage());
    }

    @Test
    void aReusableLog4jEventHasItsBufferMaskedInPlace() {
        MutableLogEvent event = new MutableLogEvent();
        event.setMessage(new ReusableParameterizedMessage().set("card {} declined", "4111 1111 1111 1111"));
        enforcing.maskLog4jEvent(event);
        assertEquals("card [CREDIT_CARD] declined", event.getFormattedMessage());
    }

    @Test
    void log4jContextDataIsMaskedInACopyAndAFrozenMapIsNeverWritten() {
        StringMap context = new SortedArrayStringMap();
        context.putValue("customer", "jane@example.com");
        context.putValue("region", "eu-west");
        context.freeze();
        StringMap masked = (StringMap) enforcing.maskLog4jContext(context);
        assertEquals("[EMAIL]", masked.getValue("customer"));
        assertEquals("eu-west", masked.getValue("region"));
        assertEquals("jane@example.com", context.getValue("customer"));
        StringMap clean = new SortedArrayStringMap();
        clean.putValue("region", "eu-west");
        assertSame(clean, enforcing.maskLog4jContext(clean));
    }

    @Test
    void aJulRecordHasItsMessageAndStringParametersMasked() {
        LogRecord record = new LogRecord(Level.INFO, "user {0} from jane@example.com");
        record.setParameters(new Object[] {"john@example.com", 7});
        enforcing.maskJulRecord(record);
        assertEquals("user {0} from [EMAIL]", record.getMessage());
        assertArrayEquals(new Object[] {"[EMAIL]", 7}, record.getParameters());
    }

    @Test
    void monitorModeDetectsAndCountsButChangesNothing() {
        Masker masker = Masker.builder().build();
        LoggingGuard monitor = new LoggingGuard(masker, false);
        String text = "mail jane@example.com";
        assertSame(text, monitor.maskText(text));
        MutableLogEvent event = new MutableLogEvent();
        event.setMessage(new ReusableParameterizedMessage().set("mail {}", "john@example.com"));
        monitor.maskLog4jEvent(event);
        assertEquals("mail john@example.com", event.getFormattedMessage());
        assertEquals(Long.valueOf(2), masker.drainCounts().get("email"));
    }
}
