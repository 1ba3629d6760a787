package dev.primus.config;

/**
 * Reads the bundled schema, which is strict JSON (RFC 8259), into the same {@link ConfigNode}
 * tree {@link YamlReader} makes of it: strings are quoted scalars, numbers and booleans plain
 * scalars, {@code null} a null node, each with the line it starts on.
 *
 * <p>Hand-written rather than SnakeYAML, which the config itself is read with: the schema is
 * read in premain on every start, and SnakeYAML's general scanner took about 50 ms on its 28 KB
 * and made the JIT compile its hot loops (about 130 ms of compiler-thread CPU), a third of the
 * agent's start-up. This reader only ever sees our own file; a mistake in it fails the build's
 * tests, so it reports a malformed file with its line and gives no recovery.
 */
final class SchemaJsonReader {
    private final String name;
    private final String text;
    private int at;
    private int line = 1;

    private SchemaJsonReader(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The tree of {@code text}; {@link IllegalStateException} naming the line when it is not JSON. */
    static ConfigNode read(String name, String text) {
        SchemaJsonReader reader = new SchemaJsonReader(name, text);
        ConfigNode root = reader.value("");
        reader.skipSpace();
        if (reader.at != text.length()) {
            throw reader.malformed("text after the end of the document");
        }
        return root;
    }

    private ConfigNode value(String path) {
        skipSpace();
        if (at == text.length()) {
            throw malformed("the document ends where a value was expected");
        }
        char c = text.charAt(at);
        int startLine = line;
        if (c == '{') {
            return object(path);
        }
        if (c == '[') {
            return array(path);
        }
        if (c == '"') {
            return ConfigNode.scalar(startLine, path, string(), true);
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return ConfigNode.nullNode(startLine, path);
        }
        if (text.startsWith("true", at) || text.startsWith("false", at)) {
            String word = text.charAt(at) == 't' ? "true" : "false";
            at += word.length();
            return ConfigNode.scalar(startLine, path, word, false);
        }
        return ConfigNode.scalar(startLine, path, number(), false);
    }

    private ConfigNode object(String path) {
        ConfigNode mapping = ConfigNode.mapping(line, path);
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return mapping;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw malformed("expected a quoted key");
            }
            int keyLine = line;
            String key = string();
            if (mapping.get(key) != null) {
                throw malformed("duplicate key \"" + key + "\"");
            }
            skipSpace();
            expect(':');
            mapping.put(key, keyLine, value(ConfigNode.childPath(path, key)));
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return mapping;
            }
        }
    }

    private ConfigNode array(String path) {
        ConfigNode list = ConfigNode.list(line, path);
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        for (int index = 0; ; index++) {
            list.add(value(ConfigNode.itemPath(path, index)));
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        at++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at == text.length()) {
                throw malformed("a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw malformed("a control character inside a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = at < text.length() ? text.charAt(at++) : 0;
            switch (escaped) {
                case '"': case '\\': case '/': value.append(escaped); break;
                case 'b': value.append('\b'); break;
                case 'f': value.append('\f'); break;
                case 'n': value.append('\n'); break;
                case 'r': value.append('\r'); break;
                case 't': value.append('\t'); break;
                case 'u':
                    if (at + 4 > text.length()) {
                        throw malformed("a \\u escape needs four hex digits");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException notHex) {
                        throw malformed("a \\u escape needs four hex digits");
                    }
                    at += 4;
                    break;
                default:
                    throw malformed("an unknown escape \\" + escaped);
            }
        }
    }

    /** A number as written, checked against JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private String number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (!digits()) {
            throw malformed("expected a value");
        }
        if (peek() == '.') {
            at++;
            if (!digits()) {
                throw malformed("a number needs digits after its point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!digits()) {
                throw malformed("a number needs digits in its exponent");
            }
        }
        return text.substring(start, at);
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void expect(char wanted) {
        if (peek() != wanted) {
            throw malformed("expected '" + wanted + "'");
        }
        at++;
    }

    private IllegalStateException malformed(String problem) {
        return new IllegalStateException(name + ":" + line + ": not valid JSON: " + problem);
    }
}
