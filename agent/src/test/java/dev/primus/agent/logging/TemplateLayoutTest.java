package dev.primus.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;

class TemplateLayoutTest {
    private final TemplateLayout layout = new TemplateLayout();

    @Test
    void eachArgumentStandsWhereSlf4jWritesIt() {
        layout.layOut("login user={} password={}", new Object[] {"bob", "hunter2"});
        assertEquals("login user=bob password=hunter2", layout.text().toString());
        assertEquals(2, layout.placed());
        assertEquals("hunter2", layout.text().subSequence(layout.starts()[1], layout.ends()[1]).toString());
    }

    @Test
    void anEscapedPlaceholderTakesNoArgumentAndADoublyEscapedOneDoes() {
        layout.layOut("a \\{} b={}", new Object[] {"x"});
        assertEquals("a {} b=x", layout.text().toString());
        assertEquals(1, layout.placed());
        layout.layOut("c:\\\\{} d", new Object[] {"y"});
        assertEquals("c:\\y d", layout.text().toString());
    }

    @Test
    void argumentsPastTheLastPlaceholderStandNowhere() {
        layout.layOut("done {}", new Object[] {"a", "hunter2"});
        assertEquals("done a", layout.text().toString());
        assertEquals(1, layout.placed());
    }

    @Test
    void anObjectOfTheAppsStandsAsAQuestionMarkItsToStringNotRun() {
        Object app = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("the app's toString runs once, in the logging call");
            }
        };
        layout.layOut("{} {} {} {} {}", new Object[] {app, 42L, null, Thread.State.NEW, true});
        assertEquals("? 42 null NEW true", layout.text().toString());
    }

    /** Random templates of placeholders, escapes and text, String arguments: the text SLF4J's formatter writes. */
    @Test
    void theTextIsSlf4jsOnRandomTemplates() {
        Random random = new Random(20261206);
        String[] pieces = {"{}", "\\{}", "\\\\{}", "{", "}", "\\", "a", "=", " ", "password", "{{}", "{}}"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder template = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                template.append(pieces[random.nextInt(pieces.length)]);
            }
            Object[] arguments = new Object[random.nextInt(4)];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = "v" + i;
            }
            layout.layOut(template.toString(), arguments);
            String expected = MessageFormatter.arrayFormat(template.toString(), arguments).getMessage();
            assertEquals(expected, layout.text().toString(), "template " + template);
            for (int i = 0; i < layout.placed(); i++) {
                assertEquals("v" + i, layout.text().subSequence(layout.starts()[i], layout.ends()[i]).toString(),
                        "where argument " + i + " stands in " + template);
            }
        }
    }
}
