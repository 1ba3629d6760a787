package dev.primus.agent.logging;

import dev.primus.bootstrap.AgentFailures;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Log4j2 members the logging guard reads and writes, found by reflection in the app's own
 * Log4j2 classes and cached per class. Only public API types ({@code Message}, {@code StringMap},
 * {@code SimpleMessage}, {@code SortedArrayStringMap}) are called; the private buffer of the
 * reusable events ({@code messageText}) and their count of parameters ({@code parameterCount}) are
 * the exception, and have kept their names from 2.6 to 2.26.
 */
final class Log4jAccess {
    private static final String MESSAGE = "org.apache.logging.log4j.message.Message";
    private static final String STRING_MAP = "org.apache.logging.log4j.util.StringMap";
    private static final String CONTEXT_STACK = "org.apache.logging.log4j.ThreadContext$ContextStack";
    private static final String MUTABLE_STACK = "org.apache.logging.log4j.spi.MutableThreadContextStack";

    private final ClassValue<MessageMembers> messages = new ClassValue<MessageMembers>() {
        @Override
        protected MessageMembers computeValue(Class<?> type) {
            return new MessageMembers(type, apiInterface(type, MESSAGE));
        }
    };
    private final ClassValue<StringMapMembers> stringMaps = new ClassValue<StringMapMembers>() {
        @Override
        protected StringMapMembers computeValue(Class<?> type) {
            return new StringMapMembers(apiInterface(type, STRING_MAP));
        }
    };
    /**
     * The reusable events' buffer field, or null when it cannot be reached (another field name, or
     * log4j-core on the module path refusing setAccessible): reported once, then skipped on every
     * event rather than failing, and paying for the failure, each time.
     */
    private final ClassValue<Field> events = new ClassValue<Field>() {
        @Override
        protected Field computeValue(Class<?> type) {
            try {
                Field messageText = type.getDeclaredField("messageText");
                messageText.setAccessible(true);
                return messageText;
            } catch (NoSuchFieldException | RuntimeException e) {
                AgentFailures.record("log masking of " + type.getName() + " (its reusable buffer is not masked)", e);
                return null;
            }
        }
    };
    /** The reusable events' {@code short parameterCount}, or null when it cannot be reached, as above. */
    private final ClassValue<Field> parameterCounts = new ClassValue<Field>() {
        @Override
        protected Field computeValue(Class<?> type) {
            try {
                Field count = type.getDeclaredField("parameterCount");
                if (count.getType() != short.class) {
                    throw new NoSuchFieldException("parameterCount is a " + count.getType() + ", not a short");
                }
                count.setAccessible(true);
                return count;
            } catch (NoSuchFieldException | RuntimeException e) {
                AgentFailures.record("log masking of " + type.getName()
                        + " (the parameters of a masked reusable event are still readable apart)", e);
                return null;
            }
        }
    };

    String formattedMessage(Object message) {
        return (String) invoke(messages.get(message.getClass()).getFormattedMessage, message);
    }

    /** The message's template ({@code Message.getFormat}); a reusable event is its own message. */
    String template(Object message) {
        return (String) invoke(messages.get(message.getClass()).getFormat, message);
    }

    /** The message's parameters ({@code Message.getParameters}), or null. */
    Object[] parameters(Object message) {
        return (Object[]) invoke(messages.get(message.getClass()).getParameters, message);
    }

    /**
     * For a plain {@code MapMessage} or {@code StringMapMessage}: the same type with its String
     * values masked, or the message itself when none needed it; so JSON layouts still write
     * fields. Null for any other message (subclasses may hold more than their map).
     */
    Object maskMapMessage(Object message, LogValueMasker guard) {
        MessageMembers members = messages.get(message.getClass());
        if (members.mapCopy == null) {
            return null;
        }
        try {
            Map<?, ?> data = (Map<?, ?>) members.getData.invoke(message);
            Map<?, ?> masked = guard.maskValues(data);
            return masked == data ? message : members.mapCopy.newInstance(masked);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy a Log4j2 MapMessage", e);
        }
    }

    /** A {@code SimpleMessage} of the app's Log4j2 holding {@code text}. */
    Object simpleMessage(Object original, String text) {
        try {
            return messages.get(original.getClass()).simpleMessage.newInstance(text);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a Log4j2 SimpleMessage", e);
        }
    }

    /** The buffer a reusable event formats a reusable message into. */
    StringBuilder eventText(Object event) {
        Field messageText = events.get(event.getClass());
        return messageText == null ? null : (StringBuilder) get(messageText, event);
    }

    /**
     * A frozen {@code MutableThreadContextStack} of the app's Log4j2 API (the loader of {@code original}'s
     * {@code ThreadContext.ContextStack}) holding {@code items}, bottom first, as the original iterates.
     */
    Object contextStack(Object original, List<String> items) {
        try {
            Class<?> api = apiInterface(original.getClass(), CONTEXT_STACK);
            Class<?> stackType = Class.forName(MUTABLE_STACK, false, api.getClassLoader());
            Object copy = stackType.getConstructor(List.class).newInstance(items);
            stackType.getMethod("freeze").invoke(copy);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy a Log4j2 context stack", e);
        }
    }

    /**
     * Leaves a reusable event that held a masked value with no parameters, as an immutable event
     * holds a plain message of the masked text: its {@code getParameters}, {@code forEachParameter}
     * and mementos, which JSON layouts and error trackers (Sentry's) read apart from the text, then
     * hold none. Only the count: the array is the event's and is cleared as it is reused.
     */
    void dropParameters(Object event) {
        Field count = parameterCounts.get(event.getClass());
        if (count == null) {
            return;
        }
        try {
            count.setShort(event, (short) 0);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The context data with masked values: the same map when nothing needed masking, else a
     * copy. Never written in place: the map may be the thread's own frozen context map.
     */
    Object maskValues(Object contextData, LogValueMasker guard) {
        StringMapMembers members = stringMaps.get(contextData.getClass());
        if ((Integer) invoke(members.size, contextData) == 0) {
            return contextData;
        }
        // toMap copies; forEach would not, but takes Log4j's own BiConsumer type, not the JDK's.
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) invoke(members.toMap, contextData);
        List<String> changed = new ArrayList<String>(0);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getValue() instanceof String) {
                String value = (String) entry.getValue();
                String masked = guard.maskValueOf(entry.getKey(), value);
                if (masked != value) {
                    changed.add(entry.getKey());
                    changed.add(masked);
                }
            }
        }
        if (changed.isEmpty()) {
            return contextData;
        }
        try {
            Object copy = members.copy.newInstance(contextData);
            for (int i = 0; i < changed.size(); i += 2) {
                members.putValue.invoke(copy, changed.get(i), changed.get(i + 1));
            }
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy Log4j2 context data", e);
        }
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    private static Object get(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Log4j2 API interface {@code name} that {@code type} implements, as its loader sees it. */
    static Class<?> apiInterface(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            Class<?> found = findInterface(current.getInterfaces(), name);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException(type.getName() + " does not implement " + name);
    }

    private static Class<?> findInterface(Class<?>[] interfaces, String name) {
        for (Class<?> candidate : interfaces) {
            if (candidate.getName().equals(name)) {
                return candidate;
            }
            Class<?> inherited = findInterface(candidate.getInterfaces(), name);
            if (inherited != null) {
                return inherited;
            }
        }
        return null;
    }

    private static Class<?> sibling(Class<?> api, String name) throws ClassNotFoundException {
        return Class.forName(name, false, api.getClassLoader());
    }

    private static final class MessageMembers {
        final Method getFormattedMessage;
        final Method getFormat;
        final Method getParameters;
        final Constructor<?> simpleMessage;
        /** Only for exactly MapMessage and StringMapMessage: their map is all they hold. */
        final Method getData;
        final Constructor<?> mapCopy;

        MessageMembers(Class<?> type, Class<?> messageInterface) {
            try {
                getFormattedMessage = messageInterface.getMethod("getFormattedMessage");
                getFormat = messageInterface.getMethod("getFormat");
                getParameters = messageInterface.getMethod("getParameters");
                simpleMessage = sibling(messageInterface, "org.apache.logging.log4j.message.SimpleMessage")
                        .getConstructor(String.class);
                boolean plainMap = type.getName().equals("org.apache.logging.log4j.message.MapMessage")
                        || type.getName().equals("org.apache.logging.log4j.message.StringMapMessage");
                getData = plainMap ? type.getMethod("getData") : null;
                mapCopy = plainMap ? type.getConstructor(Map.class) : null;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unexpected Log4j2 Message API", e);
            }
        }
    }

    private static final class StringMapMembers {
        final Method size;
        final Method toMap;
        final Method putValue;
        final Constructor<?> copy;

        StringMapMembers(Class<?> stringMap) {
            try {
                size = stringMap.getMethod("size");
                toMap = stringMap.getMethod("toMap");
                putValue = stringMap.getMethod("putValue", String.class, Object.class);
                Class<?> readOnly = sibling(stringMap, "org.apache.logging.log4j.util.ReadOnlyStringMap");
                copy = sibling(stringMap, "org.apache.logging.log4j.util.SortedArrayStringMap").getConstructor(readOnly);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unexpected Log4j2 StringMap API", e);
            }
        }
    }
}
