package dev.primus.agent.logging;

import java.lang.reflect.Method;

/**
 * Reads a Logback event's template and arguments ({@code ILoggingEvent.getMessage} and
 * {@code getArgumentArray}, public API since 1.0), looked up once per event class, for the rare
 * message whose formatted text holds a line break: only then does it matter which part of the
 * text a developer wrote. And a logstash structured argument's field name, which says what its
 * value is.
 */
final class LogbackEvents {
    private final ClassValue<Method[]> members = new ClassValue<Method[]>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            try {
                return new Method[] {type.getMethod("getMessage"), type.getMethod("getArgumentArray")};
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " is not a Logback event", e);
            }
        }
    };

    /** logstash-logback-encoder's {@code SingleFieldAppendingMarker.getFieldName()}, looked up once per marker class. */
    private final ClassValue<Method> fieldNames = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("getFieldName");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " is not a logstash field marker", e);
            }
        }
    };

    String fieldName(Object marker) {
        return (String) invoke(fieldNames.get(marker.getClass()), marker);
    }

    String template(Object event) {
        return (String) invoke(members.get(event.getClass())[0], event);
    }

    /** The arguments as the app passed them: the engine is running, so the masking getter hands them back unchanged. */
    Object[] arguments(Object event) {
        return (Object[]) invoke(members.get(event.getClass())[1], event);
    }

    private static Object invoke(Method method, Object event) {
        try {
            return method.invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}
