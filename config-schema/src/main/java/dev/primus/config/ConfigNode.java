package dev.primus.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a parsed config file: a mapping, a list, a scalar or null, with the line it
 * starts on and its path from the root ({@code egress.allow[0].cidr}).
 *
 * <p>Scalars keep their text as written. Types are decided by the schema, not by YAML 1.1's
 * resolver, so {@code mode: off} stays the word {@code off} and never becomes a boolean.
 */
public final class ConfigNode {
    public enum Kind { MAPPING, LIST, SCALAR, NULL }

    private final Kind kind;
    private final int line;
    private final String path;
    private String text;
    private final boolean quoted;
    private boolean secret;
    /** The text before a substitution replaced it; null when none did. */
    private String written;
    private final Map<String, ConfigNode> entries;
    private final Map<String, Integer> keyLines;
    private final List<ConfigNode> items;

    private ConfigNode(Kind kind, int line, String path, String text, boolean quoted) {
        this.kind = kind;
        this.line = line;
        this.path = path;
        this.text = text;
        this.quoted = quoted;
        this.entries = kind == Kind.MAPPING ? new LinkedHashMap<String, ConfigNode>() : null;
        this.keyLines = kind == Kind.MAPPING ? new LinkedHashMap<String, Integer>() : null;
        this.items = kind == Kind.LIST ? new ArrayList<ConfigNode>() : null;
    }

    static ConfigNode mapping(int line, String path) {
        return new ConfigNode(Kind.MAPPING, line, path, null, false);
    }

    static ConfigNode list(int line, String path) {
        return new ConfigNode(Kind.LIST, line, path, null, false);
    }

    static ConfigNode scalar(int line, String path, String text, boolean quoted) {
        return new ConfigNode(Kind.SCALAR, line, path, text, quoted);
    }

    static ConfigNode nullNode(int line, String path) {
        return new ConfigNode(Kind.NULL, line, path, null, false);
    }

    /** The path of a child of a node at {@code parent}: {@code a.b} for keys, {@code a[0]} for items. */
    static String childPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String itemPath(String parent, int index) {
        return parent + "[" + index + "]";
    }

    void put(String key, int keyLine, ConfigNode value) {
        entries.put(key, value);
        keyLines.put(key, keyLine);
    }

    void add(ConfigNode item) {
        items.add(item);
    }

    void substitute(String newText) {
        this.written = this.text;
        this.text = newText;
        this.secret = true;
    }

    /** The value as the file writes it, {@code ${file:...}} and all: what may be shown of a substituted value. */
    public String written() {
        return written != null ? written : text;
    }

    void markSecret() {
        this.secret = true;
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    /** The path from the root, or {@code (top level)} for the root itself. */
    public String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    public String text() {
        return text;
    }

    /** True when the scalar was written in quotes, so {@code "8080"} is a string, not an integer. */
    public boolean quoted() {
        return quoted;
    }

    /** True for values that came from a substitution or that the schema marks secret: never printed. */
    public boolean secret() {
        return secret;
    }

    /** The value as it may appear in a message: quoted text, or {@code (secret)}. */
    public String shown() {
        return secret ? "(secret)" : "'" + text + "'";
    }

    /** The path of the entry {@code key} of this mapping. */
    String keyPath(String key) {
        return childPath(path, key);
    }

    public Map<String, ConfigNode> entries() {
        return entries == null ? Collections.<String, ConfigNode>emptyMap() : Collections.unmodifiableMap(entries);
    }

    public int keyLine(String key) {
        Integer keyLine = keyLines == null ? null : keyLines.get(key);
        return keyLine == null ? line : keyLine;
    }

    public List<ConfigNode> items() {
        return items == null ? Collections.<ConfigNode>emptyList() : Collections.unmodifiableList(items);
    }

    /** The items of the list at {@code key} of {@code node}; empty when either is absent. */
    public static List<ConfigNode> itemsAt(ConfigNode node, String key) {
        ConfigNode list = node == null ? null : node.get(key);
        return list == null ? Collections.<ConfigNode>emptyList() : list.items();
    }

    /** The child at {@code key} of a mapping, or null when absent or when this is not a mapping. */
    public ConfigNode get(String key) {
        return entries == null ? null : entries.get(key);
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /**
     * Whether two nodes (either may be null) say the same: same kinds, texts after substitution,
     * keys in the same order, items. Lines and paths are ignored, so a reload can tell which
     * sections an edit changed, a re-read secret file included.
     */
    public static boolean sameContent(ConfigNode a, ConfigNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.kind != b.kind || a.quoted != b.quoted || !equal(a.text, b.text)) {
            return false;
        }
        if (a.kind == Kind.MAPPING) {
            if (!new ArrayList<String>(a.entries.keySet()).equals(new ArrayList<String>(b.entries.keySet()))) {
                return false;
            }
            for (Map.Entry<String, ConfigNode> entry : a.entries.entrySet()) {
                if (!sameContent(entry.getValue(), b.entries.get(entry.getKey()))) {
                    return false;
                }
            }
        }
        if (a.kind == Kind.LIST) {
            if (a.items.size() != b.items.size()) {
                return false;
            }
            for (int i = 0; i < a.items.size(); i++) {
                if (!sameContent(a.items.get(i), b.items.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** What a message calls this kind of node. */
    String describe() {
        switch (kind) {
            case MAPPING:
                return "a mapping";
            case LIST:
                return "a list";
            case NULL:
                return "nothing";
            default:
                return secret ? "a secret value" : shown();
        }
    }
}
