package dev.primus.agent.audit;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An event's optional fields in the order they were set, a later value of a field replacing the
 * earlier in its place, as a {@code LinkedHashMap} keeps them. An event holds a handful (an
 * allowed request's trace, tenant, principal, client address, method and route), so one array
 * of names and values and a linear search do: one object and its array where a
 * {@code LinkedHashMap} made a table and an entry per field, on the thread of every request an
 * audit event records. Not
 * thread-safe: filled by the thread that builds the event, then only read.
 */
final class EventFields extends AbstractMap<String, String> {
    private static final int FIRST_CAPACITY = 8;

    /** Names at even indexes, their values after them. */
    private String[] pairs = new String[2 * FIRST_CAPACITY];
    private int size;

    @Override
    public String put(String name, String value) {
        int at = indexOf(name);
        if (at >= 0) {
            String before = pairs[at + 1];
            pairs[at + 1] = value;
            return before;
        }
        if (2 * size == pairs.length) {
            pairs = Arrays.copyOf(pairs, 2 * pairs.length);
        }
        pairs[2 * size] = name;
        pairs[2 * size + 1] = value;
        size++;
        return null;
    }

    @Override
    public String get(Object name) {
        int at = indexOf(name);
        return at < 0 ? null : pairs[at + 1];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    /** The {@code i}th field's name, for an encoder that walks the fields without an iterator. */
    String nameAt(int i) {
        return pairs[2 * i];
    }

    /** The {@code i}th field's value. */
    String valueAt(int i) {
        return pairs[2 * i + 1];
    }

    private int indexOf(Object name) {
        for (int i = 0; i < 2 * size; i += 2) {
            if (pairs[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<Map.Entry<String, String>>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<Map.Entry<String, String>>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> entry =
                                new SimpleImmutableEntry<String, String>(nameAt(next), valueAt(next));
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
