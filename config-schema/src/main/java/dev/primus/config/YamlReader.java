package dev.primus.config;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML text into a {@link ConfigNode} tree that keeps every line number.
 *
 * <p>Only composes nodes (SnakeYAML's constructor never runs, nor is it loaded), so no tag in
 * the file can instantiate a class, and start-up loads a third of SnakeYAML; aliases, nesting
 * and size are bounded against billion-laughs files.
 */
final class YamlReader {
    private final String file;
    private final List<ConfigError> errors;

    YamlReader(String file, List<ConfigError> errors) {
        this.file = file;
        this.errors = errors;
    }

    /** The root node, or null when the text is not YAML (the error is added) or is empty. */
    ConfigNode read(String text) {
        Node root;
        try {
            LoaderOptions options = loaderOptions();
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new UntypedResolver(),
                    options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            String column = mark == null ? "" : " at column " + (mark.getColumn() + 1);
            String context = e.getContext() == null || e.getContextMark() == null || e.getContextMark() == mark ? ""
                    : " (" + e.getContext() + " on line " + (e.getContextMark().getLine() + 1) + ")";
            errors.add(new ConfigError(file, line, "yaml", "not valid YAML" + column + ": " + e.getProblem() + context));
            return null;
        } catch (ReaderException e) {
            // A character YAML does not allow: SnakeYAML gives its offset, not its line.
            int[] at = lineAndColumn(text, e.getPosition());
            errors.add(new ConfigError(file, at[0], "yaml", "not valid YAML at column " + at[1] + ": character U+"
                    + String.format("%04X", e.getCodePoint()) + " is not allowed; remove it or quote the value"));
            return null;
        } catch (YAMLException e) {
            errors.add(new ConfigError(file, 1, "yaml", "not valid YAML: " + e.getMessage()));
            return null;
        }
        return root == null ? null : convert(root, "");
    }

    /** The 1-based line and column of the character at {@code offset} (counted in code points, as SnakeYAML counts). */
    static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < offset; i += Character.charCount(text.codePointAt(i)), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(4 * 1024 * 1024);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * Types no scalar: the schema reads every value from its text and style, so SnakeYAML's
     * implicit types (a regex per kind, matched against every plain scalar) would be work for
     * nothing: 10-20 ms of premain on one CPU while those regexes run interpreted.
     */
    private static final class UntypedResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return kind == NodeId.scalar ? Tag.STR : kind == NodeId.sequence ? Tag.SEQ : Tag.MAP;
        }
    }

    private ConfigNode convert(Node node, String path) {
        int line = node.getStartMark().getLine() + 1;
        if (node instanceof MappingNode) {
            ConfigNode mapping = ConfigNode.mapping(line, path);
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                Node keyNode = tuple.getKeyNode();
                int keyLine = keyNode.getStartMark().getLine() + 1;
                if (!(keyNode instanceof ScalarNode)) {
                    errors.add(new ConfigError(file, keyLine, ConfigNode.childPath(path, "?"),
                            "a key must be a plain word, not a list or mapping"));
                    continue;
                }
                String key = ((ScalarNode) keyNode).getValue();
                String childPath = ConfigNode.childPath(path, key);
                if (mapping.get(key) != null) {
                    errors.add(new ConfigError(file, keyLine, childPath,
                            "duplicate key (first at line " + mapping.keyLine(key) + "); keep one"));
                    continue;
                }
                mapping.put(key, keyLine, convert(tuple.getValueNode(), childPath));
            }
            return mapping;
        }
        if (node instanceof SequenceNode) {
            ConfigNode list = ConfigNode.list(line, path);
            List<Node> values = ((SequenceNode) node).getValue();
            for (int i = 0; i < values.size(); i++) {
                list.add(convert(values.get(i), ConfigNode.itemPath(path, i)));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        String text = scalar.getValue();
        if (plain && (text.isEmpty() || "~".equals(text) || "null".equals(text) || "Null".equals(text)
                || "NULL".equals(text))) {
            return ConfigNode.nullNode(line, path);
        }
        return ConfigNode.scalar(line, path, text, !plain);
    }
}
