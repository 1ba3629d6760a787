package dev.primus.agent.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primus.agent.masking.Masker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.spi.MutableThreadContextStack;
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
        assertSame(arguments, enforcing.maskArguments(arguments, null));
        Map<String, String> mdc = Map.of("region", "eu-west");
        assertSame(mdc, enforcing.maskValues(mdc));
        Message message = new ParameterizedMessage("order {} shipped", 12345);
        assertSame(message, enforcing.maskLog4jMessage(message));
    }

    @Test
    void argumentsAreCopiedWithOnlyTheirStringsMasked() {
        Object[] arguments = {"jane@example.com", 42, "north-7"};
        Object[] masked = enforcing.maskArguments(arguments, null);
        assertArrayEquals(new Object[] {"[EMAIL]", 42, "north-7"}, masked);
        assertEquals("jane@example.com", arguments[0], "the caller's array is never written");
    }

    private Object[] argumentsOf(LoggingGuard guard, FakeLogbackEvent event) {
        return guard.maskArguments(event.getArgumentArray(), event);
    }

    @Test
    void anArgumentASecretByTheKeyInItsTemplateIsMaskedWhereALayoutReadsItApart() {
        assertArrayEquals(new Object[] {"bob", "[PASSWORD_KV]"},
                argumentsOf(enforcing, new FakeLogbackEvent("login user={} password={}", "bob", "hunter2keyed")));
        assertArrayEquals(new Object[] {"[BEARER_TOKEN]"},
                argumentsOf(enforcing, new FakeLogbackEvent("Authorization: Bearer {}", "keyedBearer0123456789abcdef")));
        assertArrayEquals(new Object[] {"[AADHAAR]"},
                argumentsOf(enforcing, new FakeLogbackEvent("KYC aadhaar {} verified", 201905061235L)));
        assertArrayEquals(new Object[] {"[PHONE]", 7},
                argumentsOf(enforcing, new FakeLogbackEvent("telephone={} after {} tries", 4155550134L, 7)));
        assertArrayEquals(new Object[] {"db", "[URL_CREDENTIALS]"},
                argumentsOf(enforcing, new FakeLogbackEvent("{} postgres://app:{}@db.internal/app", "db", "urlKeyed77")));
        assertArrayEquals(new Object[] {"[EMAIL]", "[PASSWORD_KV]"},
                argumentsOf(enforcing, new FakeLogbackEvent("{} signed in, password={}", "jane@example.com", "hunter2keyed")),
                "masked alone, and in its place");
    }

    /** An event of the app's own whose template cannot be read. */
    public static final class BrokenEvent {
        public String getMessage() {
            throw new IllegalStateException("no template");
        }

        public Object[] getArgumentArray() {
            return new Object[0];
        }
    }

    @Test
    void anEventWhoseTemplateCannotBeReadHasItsArgumentsMaskedAlone() {
        assertArrayEquals(new Object[] {"[EMAIL]", "hunter2keyed"},
                enforcing.maskArguments(new Object[] {"jane@example.com", "hunter2keyed"}, new BrokenEvent()));
    }

    @Test
    void argumentsTheTemplateDoesNotMakeSecretsComeBackAsTheSameArray() {
        FakeLogbackEvent clean = new FakeLogbackEvent("order {} shipped in {} ms to {}", "north-7", 42, 4155550134L);
        assertSame(clean.getArgumentArray(), argumentsOf(enforcing, clean));
        FakeLogbackEvent unused = new FakeLogbackEvent("login done", "hunter2keyed");
        assertSame(unused.getArgumentArray(), argumentsOf(enforcing, unused), "an argument past the placeholders is in no message");
        FakeLogbackEvent escaped = new FakeLogbackEvent("set \\{} password={}", "hunter2keyed");
        assertArrayEquals(new Object[] {"[PASSWORD_KV]"}, argumentsOf(enforcing, escaped),
                "an escaped placeholder takes no argument, so the first one follows the key");
        LoggingGuard monitoring = new LoggingGuard(Masker.builder().build(), false);
        FakeLogbackEvent secret = new FakeLogbackEvent("password={}", "hunter2keyed");
        assertSame(secret.getArgumentArray(), argumentsOf(monitoring, secret));
    }

    @Test
    void aMessageKeptAsTextAloneIsItsOwnTemplate() {
        assertEquals("login password=[PASSWORD_KV]", enforcing.maskMessage("login password=hunter2keyed"));
        String banner = "Database info:\n\tDatabase JDBC URL [jdbc:h2:mem:app]";
        assertSame(banner, enforcing.maskMessage(banner), "a break the developer wrote stays");
        assertEquals("user bob\\n2026-12-03 10:11:52 ERROR forged entry",
                enforcing.maskMessage("user bob\n2026-12-03 10:11:52 ERROR forged entry"));
    }

    @Test
    void aLineSlf4jSimpleBuiltIsMaskedInPlaceFromItsMessage() {
        StringBuilder line = new StringBuilder("[main] INFO app.payments - login password=hunter2keyed");
        enforcing.maskLine(line);
        assertEquals("[main] INFO app.payments - login password=[PASSWORD_KV]", line.toString());
        StringBuilder clean = new StringBuilder("[main] INFO app.payments - order 12345 shipped");
        enforcing.maskLine(clean);
        assertEquals("[main] INFO app.payments - order 12345 shipped", clean.toString());
        StringBuilder monitored = new StringBuilder("[main] INFO app - password=hunter2keyed");
        new LoggingGuard(Masker.builder().build(), false).maskLine(monitored);
        assertEquals("[main] INFO app - password=hunter2keyed", monitored.toString());
    }

    @Test
    void aContextValueReadByItsKeyIsJudgedWithIt() {
        assertEquals("[PASSWORD_KV]", enforcing.maskValueOf("api_key", "mdcSecret77"));
        assertEquals("[EMAIL]", enforcing.maskValueOf("customer", "jane@example.com"));
        String region = "eu-west";
        assertSame(region, enforcing.maskValueOf("region", region));
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
    void aValueThatIsASecretOrPiiByItsKeyIsMaskedWhereItIsWrittenApartFromIt() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("password", "hunter2secret");
        mdc.put("customerPhone", "4155552671");
        mdc.put("ssn", "123456789");
        mdc.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        mdc.put("region", "eu-west");
        mdc.put("orderId", "4155552671");
        assertEquals("{password=[PASSWORD_KV], customerPhone=[PHONE], ssn=[US_SSN], AWS_SECRET_ACCESS_KEY=[AWS_SECRET_KEY], "
                + "region=eu-west, orderId=4155552671}", enforcing.maskValues(mdc).toString());
        Map<String, String> azure = new LinkedHashMap<>();
        azure.put("AZURE_STORAGE_KEY",
                "5+7nYV7zXzDkm0guFcrnUAcgHhJhew/tp+Fkd5b/AivqjtAqgqF1kw8jN803lMUiCABtaxrwwMvWJWWKrCyfqg==");
        azure.put("sig", "w47ciBXISJ9kc4l49EAI+FljRVRfC6po72/PXFPlcYk=");
        azure.put("checksum", "w47ciBXISJ9kc4l49EAI+FljRVRfC6po72/PXFPlcYk=");
        assertEquals("{AZURE_STORAGE_KEY=[AZURE_STORAGE_KEY], sig=[AZURE_SAS_SIGNATURE], "
                + "checksum=w47ciBXISJ9kc4l49EAI+FljRVRfC6po72/PXFPlcYk=}", enforcing.maskValues(azure).toString());
        Map<String, String> clean = Map.of("region", "eu-west", "auth", "Basic", "password", "null");
        assertSame(clean, enforcing.maskValues(clean), "a framework's word under a secret key is no secret");
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
    void aMaskedReusableLog4jEventHoldsNoParametersToReadApartAndACleanOneKeepsThem() {
        MutableLogEvent event = new MutableLogEvent();
        event.setMessage(new ReusableParameterizedMessage().set("login user={} password={}", "bob", "hunter2keyed"));
        enforcing.maskLog4jEvent(event);
        assertEquals("login user=bob password=[PASSWORD_KV]", event.getFormattedMessage());
        assertEquals(0, event.getParameters().length, "Sentry's appender and JSON layouts read them apart");
        assertEquals(0, event.getParameterCount());
        assertEquals(0, event.createMemento().getMessage().getParameters().length);
        MutableLogEvent clean = new MutableLogEvent();
        clean.setMessage(new ReusableParameterizedMessage().set("order {} shipped", "north-7"));
        enforcing.maskLog4jEvent(clean);
        assertArrayEquals(new Object[] {"north-7"}, clean.getParameters());
    }

    @Test
    void aLog4jContextStackIsMaskedInAFrozenCopyAndAnUntouchedOneComesBack() {
        MutableThreadContextStack stack =
                new MutableThreadContextStack(List.of("request 42", "session of jane@example.com"));
        stack.freeze();
        ThreadContext.ContextStack masked = (ThreadContext.ContextStack) enforcing.maskLog4jContextStack(stack);
        assertEquals(List.of("request 42", "session of [EMAIL]"), masked.asList());
        assertEquals(List.of("request 42", "session of jane@example.com"), stack.asList(), "the thread's own stack is kept");
        MutableThreadContextStack clean = new MutableThreadContextStack(List.of("request 42"));
        assertSame(clean, enforcing.maskLog4jContextStack(clean));
    }

    @Test
    void log4jContextDataIsJudgedWithItsKeys() {
        StringMap context = new SortedArrayStringMap();
        context.putValue("db.password", "s3cretPw");
        StringMap masked = (StringMap) enforcing.maskLog4jContext(context);
        assertEquals("[PASSWORD_KV]", masked.getValue("db.password"));
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
    void aJulRecordIsJudgedAsFormattedAndThenCarriesTheMaskedText() {
        LogRecord record = new LogRecord(Level.INFO, "user {0} from jane@example.com");
        record.setParameters(new Object[] {"john@example.com", 7});
        enforcing.maskJulRecord(record);
        assertEquals("user [EMAIL] from [EMAIL]", record.getMessage());
        assertEquals(null, record.getParameters(), "a handler that formats the record itself writes the masked text");
    }

    @Test
    void aJulKeyInTheTemplateWithItsValueInAParameterIsMasked() {
        LogRecord record = new LogRecord(Level.INFO, "login user={0} password={1}");
        record.setParameters(new Object[] {"bob", "hunter2secret"});
        enforcing.maskJulRecord(record);
        assertEquals("login user=bob password=[PASSWORD_KV]", record.getMessage());
    }

    /** A record that formats itself, as JBoss LogManager's ExtLogRecord does a printf-style call. */
    public static final class PrintfRecord extends LogRecord {
        PrintfRecord(String format, Object... parameters) {
            super(Level.INFO, format);
            setParameters(parameters);
        }

        public String getFormattedMessage() {
            return getParameters() == null ? getMessage() : String.format(getMessage(), getParameters());
        }
    }

    @Test
    void aRecordThatFormatsItselfIsJudgedAsItFormats() {
        LogRecord record = new PrintfRecord("login user=%s password=%s", "bob", "hunter2secret");
        enforcing.maskJulRecord(record);
        assertEquals("login user=bob password=[PASSWORD_KV]", record.getMessage());
        assertEquals(null, record.getParameters());
        LogRecord clean = new PrintfRecord("order %s shipped", "north-7");
        enforcing.maskJulRecord(clean);
        assertEquals("order %s shipped", clean.getMessage());
        assertArrayEquals(new Object[] {"north-7"}, clean.getParameters());
    }

    /**
     * A record or message logged from a parameter's {@code toString} while the guard formats the outer
     * one: formatted before the engine is entered, so the nested one is masked like any other (it
     * went to the handlers in clear while the outer held the engine).
     */
    @Test
    void aMessageLoggedFromAParametersToStringIsMaskedToo() {
        LogRecord nestedRecord = new LogRecord(Level.INFO, "nested password={0}");
        nestedRecord.setParameters(new Object[] {"hunter2secret"});
        Object julParameter = new Object() {
            @Override
            public String toString() {
                enforcing.maskJulRecord(nestedRecord);
                return "order 7";
            }
        };
        LogRecord record = new LogRecord(Level.INFO, "outer {0} for jane@example.com");
        record.setParameters(new Object[] {julParameter});
        enforcing.maskJulRecord(record);
        assertEquals("nested password=[PASSWORD_KV]", nestedRecord.getMessage());
        assertEquals("outer order 7 for [EMAIL]", record.getMessage());

        Message[] nested = new Message[1];
        Object log4jParameter = new Object() {
            @Override
            public String toString() {
                nested[0] = (Message) enforcing.maskLog4jMessage(
                        new ParameterizedMessage("nested password={}", "hunter2secret"));
                return "order 7";
            }
        };
        Message outer = (Message) enforcing.maskLog4jMessage(new ParameterizedMessage("outer {} for jane@example.com",
                log4jParameter));
        assertEquals("nested password=[PASSWORD_KV]", nested[0].getFormattedMessage());
        assertEquals("outer order 7 for [EMAIL]", outer.getFormattedMessage());
    }

    @Test
    void aCleanJulRecordIsLeftAsItIs() {
        LogRecord record = new LogRecord(Level.INFO, "order {0} shipped in {1} ms");
        Object[] parameters = {"north-7", 42};
        record.setParameters(parameters);
        String message = record.getMessage();
        enforcing.maskJulRecord(record);
        assertSame(message, record.getMessage());
        assertSame(parameters, record.getParameters());
    }

    @Test
    void unusedJulParametersAreMaskedOneByOne() {
        LogRecord record = new LogRecord(Level.INFO, "no placeholders here");
        record.setParameters(new Object[] {"john@example.com"});
        enforcing.maskJulRecord(record);
        assertEquals("no placeholders here", record.getMessage());
        assertArrayEquals(new Object[] {"[EMAIL]"}, record.getParameters());
    }

    @Test
    void aLineBreakFromAnArgumentIsEscapedAndOneOfTheTemplateStays() {
        Message fromArgument = (Message) enforcing.maskLog4jMessage(new ParameterizedMessage("name {}", "bob\nERROR forged"));
        assertEquals("name bob\\nERROR forged", fromArgument.getFormattedMessage());
        Message banner = new SimpleMessage("HHH000412: Database info:\n\tDatabase JDBC URL [jdbc:h2:mem:test]\n\tAutocommit mode: false");
        assertSame(banner, enforcing.maskLog4jMessage(banner));
        Message forged = (Message) enforcing.maskLog4jMessage(new SimpleMessage("user bob\n2026-12-03 10:11:52 ERROR admin in"));
        assertEquals("user bob\\n2026-12-03 10:11:52 ERROR admin in", forged.getFormattedMessage());
    }

    @Test
    void aReusableLog4jEventKeepsItsTemplatesBreakAndEscapesItsArguments() {
        MutableLogEvent event = new MutableLogEvent();
        event.setMessage(new ReusableParameterizedMessage().set("Report:\n{}", "a\nb"));
        enforcing.maskLog4jEvent(event);
        assertEquals("Report:\na\\nb", event.getFormattedMessage());
    }

    @Test
    void aLogbackMessageIsJudgedWithItsEventsTemplateAndArguments() {
        FakeLogbackEvent event = new FakeLogbackEvent("Report:\n{} and {}", new Object[] {"a\nb", "password=x"});
        assertEquals("Report:\na\\nb and password=[PASSWORD_KV]",
                enforcing.maskLogbackMessage("Report:\na\nb and password=x", event));
        String banner = "Started:\n\tport 8080";
        assertSame(banner, enforcing.maskLogbackMessage(banner, new FakeLogbackEvent(banner, null)));
        assertEquals("x\\nWARN y", enforcing.maskLogbackMessage("x\nWARN y", null), "no event: its own template");
    }

    /** What the guard reads of Logback's ILoggingEvent. */
    public static final class FakeLogbackEvent {
        private final String message;
        private final Object[] arguments;

        FakeLogbackEvent(String message, Object... arguments) {
            this.message = message;
            this.arguments = arguments;
        }

        public String getMessage() {
            return message;
        }

        public Object[] getArgumentArray() {
            return arguments;
        }
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
