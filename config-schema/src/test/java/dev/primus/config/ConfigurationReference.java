package dev.primus.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders {@code primus-agent.schema.json} as the operator's reference page,
 * {@code docs/configuration.md}. The schema is the one source of truth for keys; a page written by
 * hand next to it drifts, so this renders it and {@link ConfigurationReferenceTest} fails the build
 * when the committed page is not this output. It lives with the tests because nothing ships it.
 *
 * <p>The output depends on the schema text alone: keys keep the file's order (SnakeYAML reads
 * objects into insertion-ordered maps) and lines end with {@code \n}, so a rebuild of the same
 * schema is byte-identical.
 */
final class ConfigurationReference {
    static final String SCHEMA_FILE = "config-schema/src/main/resources/primus-agent.schema.json";
    static final String REGENERATE_COMMAND =
            "mvn -pl config-schema test -Dtest=ConfigurationReferenceTest -Dprimus.regenerate.docs=true";

    private static final String FORMATS_HEADING = "Shared types and formats";
    private static final String FORMATS_ANCHOR = "#shared-types-and-formats";
    private static final Pattern EXAMPLE = Pattern.compile("e\\.g\\. (\\S+?)\\.?(\\s|$)");

    private final Map<String, Object> schema;
    private final Map<String, Object> defs;
    private final StringBuilder page = new StringBuilder();

    private ConfigurationReference(Map<String, Object> schema) {
        this.schema = schema;
        this.defs = childMap(schema, "$defs");
    }

    /** The Markdown page for the schema whose JSON text is {@code schemaJson}. */
    static String render(String schemaJson) {
        ConfigurationReference reference = new ConfigurationReference(parse(schemaJson));
        reference.header();
        reference.topLevelSections();
        reference.valueFormats();
        return reference.page.toString();
    }

    static Map<String, Object> parse(String schemaJson) {
        return asMap(new Yaml(new SafeConstructor(new LoaderOptions())).load(schemaJson));
    }

    private void header() {
        line("# Configuration reference");
        line("");
        line("Generated from `" + SCHEMA_FILE + "` by `ConfigurationReferenceTest`; do not edit by hand. "
                + "After changing the schema, regenerate it with `" + REGENERATE_COMMAND + "`.");
        line("");
        paragraph(text(schema, "description"));
        line("Each table names a key by its full dotted path; `[]` stands for every entry of a list, so "
                + "`audit.sinks[].path` is the `path` of each entry of `audit.sinks`. A key marked secret is "
                + "never printed in an error or written to an audit event; give its value with `${env:NAME}` "
                + "or `${file:PATH}`.");
        line("");
        line("Contents: " + contents() + ".");
        line("");
    }

    private String contents() {
        List<String> links = new ArrayList<>();
        for (String key : properties(schema).keySet()) {
            links.add("[" + key + "](#" + key + ")");
        }
        links.add("[" + FORMATS_HEADING.toLowerCase(Locale.ROOT) + "](" + FORMATS_ANCHOR + ")");
        return String.join(", ", links);
    }

    private void topLevelSections() {
        for (Map.Entry<String, Object> property : properties(schema).entrySet()) {
            String key = property.getKey();
            Map<String, Object> node = asMap(property.getValue());
            line("## " + key);
            line("");
            if (node.containsKey("properties")) {
                paragraph(text(node, "description"));
                table(key, node);
            } else {
                tableHeader();
                row(key, node, isRequired(schema, key));
                line("");
                nestedSections(key, node, "");
            }
        }
    }

    /** The table of an object's properties, then a section for each object nested in them. */
    private void table(String path, Map<String, Object> object) {
        tableHeader();
        for (Map.Entry<String, Object> property : properties(object).entrySet()) {
            row(path + "." + property.getKey(), asMap(property.getValue()), isRequired(object, property.getKey()));
        }
        line("");
        for (Map.Entry<String, Object> property : properties(object).entrySet()) {
            nestedSections(path + "." + property.getKey(), asMap(property.getValue()), "");
        }
    }

    /** Finds the objects a value may be, through $ref, list items and oneOf, and gives each a section. */
    private void nestedSections(String path, Map<String, Object> node, String note) {
        if (node.containsKey("$ref")) {
            String name = refName(node);
            Map<String, Object> definition = childMap(defs, name);
            String definitionNote = ("Shared type `" + name + "`: " + text(definition, "description")).trim();
            nestedSections(path, definition, definitionNote);
        } else if (node.containsKey("items")) {
            nestedSections(path + "[]", childMap(node, "items"), note);
        } else if (node.containsKey("oneOf")) {
            for (Object alternative : list(node.get("oneOf"))) {
                nestedSections(path, asMap(alternative), "When `" + path + "` is an object:");
            }
        } else if (node.containsKey("properties")) {
            line("### " + path);
            line("");
            paragraph(note.isEmpty() ? text(node, "description") : note);
            table(path, node);
        }
    }

    private void tableHeader() {
        line("| key | type | secret | description |");
        line("|---|---|---|---|");
    }

    private void row(String path, Map<String, Object> node, boolean required) {
        String description = (required ? "Required. " : "") + text(node, "description");
        String secret = Boolean.TRUE.equals(node.get("x-secret")) ? "yes" : "";
        line("| `" + cell(path) + "` | " + cell(typeOf(node)) + " | " + secret + " | " + cell(description.trim()) + " |");
    }

    private String typeOf(Map<String, Object> node) {
        if (node.containsKey("$ref")) {
            return definedType(refName(node));
        }
        if (node.containsKey("oneOf")) {
            return alternatives(node);
        }
        if (node.containsKey("enum")) {
            return "one of: " + joined(list(node.get("enum")));
        }
        String type = text(node, "type");
        switch (type) {
            case "array":
                return arrayType(node);
            case "integer":
            case "number":
                return type + range(node);
            case "string":
                return stringType(node);
            case "":
                return "any";
            default:
                return type;
        }
    }

    /** A $defs name with what it means in brief: its values, or an example of its format. */
    private String definedType(String name) {
        Map<String, Object> definition = childMap(defs, name);
        if (definition.containsKey("enum")) {
            return "`" + name + "` (one of: " + joined(list(definition.get("enum"))) + ")";
        }
        if (definition.containsKey("format")) {
            Matcher example = EXAMPLE.matcher(text(definition, "description"));
            String label = "[`" + name + "`](" + FORMATS_ANCHOR + ")";
            return example.find() ? label + " (e.g. " + example.group(1) + ")" : label;
        }
        return "`" + name + "`";
    }

    private String alternatives(Map<String, Object> node) {
        List<String> types = new ArrayList<>();
        for (Object alternative : list(node.get("oneOf"))) {
            String type = typeOf(asMap(alternative));
            types.add(type.contains(",") ? "(" + type + ")" : type);
        }
        return String.join(" or ", types);
    }

    private String arrayType(Map<String, Object> node) {
        Map<String, Object> items = childMap(node, "items");
        String kind = arrayKind(node.get("minItems"));
        if (items.containsKey("enum")) {
            return kind + "entries, each one of: " + joined(list(items.get("enum")));
        }
        return kind + typeOf(items);
    }

    private static String arrayKind(Object minItems) {
        if (minItems == null) {
            return "array of ";
        }
        return Integer.valueOf(1).equals(minItems) ? "non-empty array of " : "array of at least " + minItems + " ";
    }

    private static String range(Map<String, Object> node) {
        Object minimum = node.get("minimum");
        Object maximum = node.get("maximum");
        if (minimum != null && maximum != null) {
            return ", " + minimum + " to " + maximum;
        }
        if (minimum != null) {
            return ", at least " + minimum;
        }
        return maximum != null ? ", at most " + maximum : "";
    }

    private static String stringType(Map<String, Object> node) {
        if (node.containsKey("format")) {
            return "[`" + node.get("format") + "`](" + FORMATS_ANCHOR + ")";
        }
        if (node.containsKey("pattern")) {
            return "string matching `" + node.get("pattern") + "`";
        }
        return "string";
    }

    /** The named types of $defs that are values, not objects, and every format the schema names. */
    private void valueFormats() {
        line("## " + FORMATS_HEADING);
        line("");
        line("| name | type | meaning |");
        line("|---|---|---|");
        for (Map.Entry<String, Object> definition : defs.entrySet()) {
            Map<String, Object> node = asMap(definition.getValue());
            if (!node.containsKey("properties")) {
                String type = node.containsKey("enum") ? "one of: " + joined(list(node.get("enum"))) : text(node, "type");
                line("| `" + definition.getKey() + "` | " + cell(type) + " | " + cell(text(node, "description")) + " |");
            }
        }
        for (String format : formatsNamedIn(schema)) {
            if (!defs.containsKey(format)) {
                line("| `" + format + "` | string | Not described in the schema. |");
            }
        }
    }

    private static Set<String> formatsNamedIn(Object node) {
        Set<String> formats = new TreeSet<>();
        if (node instanceof Map) {
            for (Map.Entry<String, Object> entry : asMap(node).entrySet()) {
                if (entry.getKey().equals("format") && entry.getValue() instanceof String) {
                    formats.add((String) entry.getValue());
                } else {
                    formats.addAll(formatsNamedIn(entry.getValue()));
                }
            }
        } else if (node instanceof List) {
            for (Object element : list(node)) {
                formats.addAll(formatsNamedIn(element));
            }
        }
        return formats;
    }

    private void paragraph(String text) {
        if (!text.isEmpty()) {
            line(text);
            line("");
        }
    }

    private void line(String text) {
        page.append(text).append('\n');
    }

    /** Table cell text: a pipe would end the cell and a line break the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ');
    }

    private static String refName(Map<String, Object> node) {
        String ref = text(node, "$ref");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static boolean isRequired(Map<String, Object> object, String key) {
        return list(object.get("required")).contains(key);
    }

    private static Map<String, Object> properties(Map<String, Object> object) {
        return childMap(object, "properties");
    }

    private static String joined(List<Object> values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(String.valueOf(value));
        }
        return String.join(", ", texts);
    }

    private static String text(Map<String, Object> node, String key) {
        Object value = node.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    private static Map<String, Object> childMap(Map<String, Object> node, String key) {
        Object child = node.get(key);
        return child == null ? Collections.emptyMap() : asMap(child);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? Collections.emptyList() : (List<Object>) node;
    }
}
