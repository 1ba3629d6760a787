package dev.primus.agent.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class HandlerNamesTest {
    public static class BaseController {
        public void list() {
        }
    }

    public static class OrderController extends BaseController {
        public void refund() {
        }
    }

    /** Read as Spring's HandlerMethod is: by its public getBeanType and getMethod. */
    public static final class HandlerMethod {
        private final Class<?> beanType;
        private final Method method;

        HandlerMethod(Class<?> beanType, String method) throws NoSuchMethodException {
            this.beanType = beanType;
            this.method = beanType.getMethod(method);
        }

        public Class<?> getBeanType() {
            return beanType;
        }

        public Method getMethod() {
            return method;
        }
    }

    @Test
    void namesTheBeanTypeAndTheMethod() throws Exception {
        assertEquals(OrderController.class.getName() + "#refund",
                HandlerNames.of(new HandlerMethod(OrderController.class, "refund")));
    }

    @Test
    void anInheritedMethodIsNamedByTheBeanTypeThatServesIt() throws Exception {
        assertEquals(OrderController.class.getName() + "#list",
                HandlerNames.of(new HandlerMethod(OrderController.class, "list")));
        assertEquals(BaseController.class.getName() + "#list",
                HandlerNames.of(new HandlerMethod(BaseController.class, "list")));
    }

    @Test
    void aNameIsMadeOnceAndReused() throws Exception {
        HandlerMethod handler = new HandlerMethod(OrderController.class, "refund");

        assertSame(HandlerNames.of(handler), HandlerNames.of(handler));
        assertSame(HandlerNames.of(handler), HandlerNames.of(new HandlerMethod(OrderController.class, "refund")));
    }

    @Test
    void aHandlerThatIsNoHandlerMethodHasNoName() {
        assertNull(HandlerNames.of(new Object()));
        assertNull(HandlerNames.of(null));
    }
}
