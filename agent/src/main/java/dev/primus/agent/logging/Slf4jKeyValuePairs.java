package dev.primus.agent.logging;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * SLF4J 2's {@code KeyValuePair} (public final {@code key} and {@code value}, one constructor),
 * reached by reflection in the app's own SLF4J and cached per class.
 */
final class Slf4jKeyValuePairs {
    private final ClassValue<Members> members = new ClassValue<Members>() {
        @Override
        protected Members computeValue(Class<?> type) {
            return new Members(type);
        }
    };

    /** A copy with each String value masked, or the same list when nothing changed. */
    List<?> mask(List<?> pairs, LogValueMasker guard) throws ReflectiveOperationException {
        List<Object> copy = null;
        for (int i = 0; i < pairs.size(); i++) {
            Object pair = pairs.get(i);
            if (pair == null) {
                continue;
            }
            Members of = members.get(pair.getClass());
            Object value = of.value.get(pair);
            if (value instanceof String) {
                String masked = guard.maskValueOf(of.key.get(pair), (String) value);
                if (masked != value) {
                    if (copy == null) {
                        copy = new ArrayList<Object>(pairs);
                    }
                    copy.set(i, of.create.newInstance(of.key.get(pair), masked));
                }
            }
        }
        return copy == null ? pairs : copy;
    }

    private static final class Members {
        final Field key;
        final Field value;
        final Constructor<?> create;

        Members(Class<?> type) {
            try {
                key = type.getField("key");
                value = type.getField("value");
                create = type.getConstructor(String.class, Object.class);
            } catch (NoSuchFieldException | NoSuchMethodException e) {
                throw new IllegalStateException("unexpected SLF4J KeyValuePair class " + type.getName(), e);
            }
        }
    }
}
