package dev.primus.agent.audit.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validates an OCSF event (as JSON) against the OCSF schema release pinned under {@code /ocsf/schema} on the test
 * classpath ({@code src/test/resources/ocsf/schema}, see its {@code PINNED.md}).
 *
 * <p>The schema files are resolved the way the OCSF tooling does it, ported from
 * <a href="https://github.com/ocsf/ocsf-schema-compiler">ocsf-schema-compiler</a> ({@code compiler.py}, which the
 * schema's own CI and the OCSF server use to compile a release): {@code $include} of profiles (their attributes get
 * the profile's name) and of attribute details, {@code extends} chains of event classes and objects (parent copied,
 * child's attributes merged on top, enums merged key by key), hidden classes (no {@code uid}) and hidden objects
 * ({@code _name}) dropped after flattening, {@code class_uid = category uid * 1000 + uid}, the {@code type_uid} enum
 * built from {@code activity_id}, {@code <name>_dt} siblings (profile {@code datetime}) for every
 * {@code timestamp_t} attribute, and every attribute finally laid over its {@code dictionary.json} definition (type,
 * {@code is_array}, {@code enum}; the class or object wins, enums merge).
 *
 * <p>The checks follow the OCSF server's event validator ({@code lib/schema/validator2.ex} in
 * <a href="https://github.com/ocsf/ocsf-server">ocsf-server</a>), errors only:
 * <ul>
 *   <li>the class is found by {@code class_uid}; {@code category_uid} must be the class's category;
 *       {@code type_uid} must be {@code class_uid * 100 + activity_id};</li>
 *   <li>attributes that come from a profile exist only when the event lists that profile in
 *       {@code metadata.profiles} (then their requirement applies); otherwise they are unknown attributes;</li>
 *   <li>every {@code required} attribute is present and not null, at the top level and in every object present;</li>
 *   <li>every attribute present is defined; an object with no attributes at all ({@code object}, the type of
 *       {@code unmapped} and {@code xattributes}) and {@code json_t} values accept anything;</li>
 *   <li>types from the dictionary's {@code types}: {@code string_t} and its subtypes are strings (with the type's
 *       {@code max_len} and {@code regex}, matched anywhere in the string as the server does), {@code integer_t}
 *       and subtypes ({@code port_t} 0..65535) are JSON integers, {@code long_t} and {@code timestamp_t} integers,
 *       {@code float_t} a JSON number with a fraction or exponent, {@code boolean_t} a boolean, {@code json_t}
 *       anything; object types are JSON objects validated recursively; {@code is_array} means an array of them;</li>
 *   <li>attributes with an {@code enum} take only its keys;</li>
 *   <li>class and object {@code constraints} ({@code at_least_one}, {@code just_one});</li>
 *   <li>{@code metadata.version} must not be later than the pinned release, nor an earlier pre-release.</li>
 * </ul>
 * Not errors (the server only warns): deprecated classes, objects, attributes and enum values, missing recommended
 * attributes, enum siblings ({@code status} vs {@code status_id}) that differ from the caption; observables are not
 * checked. One difference: the server only warns when a value does not match its type's regex; here it is a
 * violation.
 *
 * <p>Each violation is one line, {@code <path>: <problem>}, the path in the server's notation
 * ({@code metadata.product.name}, {@code observables[0].type_id}; {@code $} for the event itself).
 */
public final class OcsfSchema {
    /** Where the pinned release is on the test classpath. */
    public static final String RESOURCE_ROOT = "/ocsf/schema";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SEMVER = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+.*)?$");

    private static OcsfSchema pinned;

    private final String version;
    private final ObjectNode types;
    private final Map<Integer, ObjectNode> classesByUid;
    private final Map<String, ObjectNode> objects;
    private final Set<String> profileNames;
    private final Map<String, Pattern> regexes;

    private OcsfSchema(String version, ObjectNode types, Map<String, ObjectNode> classes,
            Map<String, ObjectNode> objects, Set<String> profileNames) {
        this.version = version;
        this.types = types;
        this.objects = objects;
        this.profileNames = profileNames;
        Map<Integer, ObjectNode> byUid = new LinkedHashMap<>();
        for (ObjectNode cls : classes.values()) {
            byUid.put(cls.path("uid").asInt(), cls);
        }
        this.classesByUid = byUid;
        Map<String, Pattern> patterns = new HashMap<>();
        for (Map.Entry<String, JsonNode> type : types.properties()) {
            if (type.getValue().hasNonNull("regex")) {
                try {
                    patterns.put(type.getKey(), Pattern.compile(type.getValue().get("regex").asText()));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException("OCSF type " + type.getKey() + " has a regex Java cannot compile", e);
                }
            }
        }
        this.regexes = patterns;
    }

    /** The pinned release from the test classpath, resolved once. */
    public static synchronized OcsfSchema pinned() {
        if (pinned == null) {
            pinned = loadFromClasspath(RESOURCE_ROOT);
        }
        return pinned;
    }

    /** A schema from a folder laid out like the ocsf-schema repository (version.json, dictionary.json, ...). */
    public static OcsfSchema load(Path root) {
        return new Compiler(root).compile();
    }

    private static OcsfSchema loadFromClasspath(String resource) {
        URL url = OcsfSchema.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("OCSF schema not on the classpath: " + resource);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Collections.emptyMap());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return load(fs.getPath(resource));
            }
            return load(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the OCSF schema at " + url, e);
        }
    }

    /** The release, from {@code version.json}, e.g. {@code 1.8.0}. */
    public String version() {
        return version;
    }

    /** The {@code class_uid}s of the event classes this schema defines (the pinned copy holds only a few). */
    public Set<Integer> classUids() {
        return Collections.unmodifiableSet(new TreeSet<>(classesByUid.keySet()));
    }

    /**
     * The required attributes of a class as paths, each followed by the required attributes of the object it holds
     * (e.g. {@code metadata}, {@code metadata.product}, {@code metadata.version}), leaving out attributes that come
     * from profiles. Object constraints ({@code at_least_one}) are not listed. Empty if the class is unknown.
     */
    public List<String> requiredAttributes(int classUid) {
        ObjectNode cls = classesByUid.get(classUid);
        List<String> out = new ArrayList<>();
        if (cls != null) {
            collectRequired(cls, "", out, new HashSet<>());
        }
        return out;
    }

    private void collectRequired(ObjectNode item, String prefix, List<String> out, Set<String> visiting) {
        for (Map.Entry<String, JsonNode> e : attributesOf(item, List.of())) {
            JsonNode attribute = e.getValue();
            if (!"required".equals(attribute.path("requirement").asText())) {
                continue;
            }
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(path);
            if ("object_t".equals(attribute.path("type").asText())) {
                String objectType = attribute.path("object_type").asText();
                ObjectNode object = objects.get(objectType);
                if (object != null && visiting.add(objectType)) {
                    collectRequired(object, path, out, visiting);
                    visiting.remove(objectType);
                }
            }
        }
    }

    /** The problems of {@code event}, each {@code "<path>: <problem>"}; empty if it is a valid event of this release. */
    public List<String> violations(JsonNode event) {
        List<String> out = new ArrayList<>();
        if (event == null || !event.isObject()) {
            out.add("$: an OCSF event must be a JSON object, got " + describe(event));
            return out;
        }
        JsonNode classUid = event.get("class_uid");
        if (classUid == null || classUid.isNull()) {
            out.add("class_uid: required attribute is missing (the event class cannot be found without it)");
            return out;
        }
        if (!isInteger(classUid)) {
            out.add("class_uid: wrong type, expected integer_t, got " + describe(classUid));
            return out;
        }
        ObjectNode cls = classesByUid.get(classUid.asInt());
        if (cls == null || !classUid.canConvertToInt()) {
            out.add("class_uid: unknown class_uid " + classUid + ", no class has it in OCSF " + version
                    + " (classes pinned here: " + classUids() + ")");
            return out;
        }
        List<String> profiles = eventProfiles(event, out);
        validateItem(event, "", cls, profiles, out);
        validateCategory(event, cls, out);
        validateTypeUid(event, out);
        validateVersion(event, out);
        return out;
    }

    private List<String> eventProfiles(JsonNode event, List<String> out) {
        JsonNode listed = event.path("metadata").path("profiles");
        List<String> profiles = new ArrayList<>();
        if (listed.isArray()) {
            for (int i = 0; i < listed.size(); i++) {
                JsonNode profile = listed.get(i);
                if (profile.isTextual()) {
                    if (!profileNames.contains(profile.asText())) {
                        out.add("metadata.profiles[" + i + "]: unknown profile \"" + profile.asText() + "\" (known: "
                                + new TreeSet<>(profileNames) + ")");
                    }
                    profiles.add(profile.asText());
                }
            }
        }
        return profiles;
    }

    private void validateCategory(JsonNode event, ObjectNode cls, List<String> out) {
        JsonNode category = event.get("category_uid");
        if (category != null && isInteger(category) && category.asLong() != cls.path("category_uid").asLong()) {
            out.add("category_uid: " + category + " is not the category of class \"" + cls.path("name").asText()
                    + "\" (" + cls.path("uid").asInt() + "), which is " + cls.path("category_uid").asInt() + " ("
                    + cls.path("category_name").asText() + ")");
        }
    }

    private static void validateTypeUid(JsonNode event, List<String> out) {
        JsonNode classUid = event.get("class_uid");
        JsonNode activityId = event.get("activity_id");
        JsonNode typeUid = event.get("type_uid");
        if (classUid != null && activityId != null && typeUid != null && isInteger(classUid) && isInteger(activityId)
                && isInteger(typeUid)) {
            long expected = classUid.asLong() * 100 + activityId.asLong();
            if (typeUid.asLong() != expected || !typeUid.canConvertToLong()) {
                out.add("type_uid: " + typeUid + " is not class_uid " + classUid + " * 100 + activity_id " + activityId
                        + " = " + expected);
            }
        }
    }

    private void validateVersion(JsonNode event, List<String> out) {
        JsonNode eventVersion = event.path("metadata").path("version");
        if (!eventVersion.isTextual()) {
            return;
        }
        long[] ours = parseVersion(version);
        long[] theirs = parseVersion(eventVersion.asText());
        if (ours == null || theirs == null) {
            return;
        }
        int cmp = compareVersions(theirs, ours);
        if (cmp > 0) {
            out.add("metadata.version: \"" + eventVersion.asText() + "\" is later than the schema version \"" + version
                    + "\"");
        } else if (cmp < 0 && theirs[0] == 0) {
            out.add("metadata.version: \"" + eventVersion.asText() + "\" is an initial development version,"
                    + " incompatible with schema version \"" + version + "\"");
        } else if (cmp < 0 && theirs[3] != 0) {
            out.add("metadata.version: \"" + eventVersion.asText() + "\" is a pre-release, incompatible with schema"
                    + " version \"" + version + "\"");
        }
    }

    /** major, minor, patch, 1 if pre-release else 0; null if not semver. */
    private static long[] parseVersion(String text) {
        java.util.regex.Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4) == null ? 0 : 1};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int compareVersions(long[] a, long[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        // a pre-release sorts before its release; two pre-releases of the same version count as equal here
        return Long.compare(b[3], a[3]);
    }

    // ---- validation of a class or object instance ----

    private void validateItem(JsonNode value, String path, ObjectNode schemaItem, List<String> profiles,
            List<String> out) {
        List<Map.Entry<String, JsonNode>> attributes = attributesOf(schemaItem, profiles);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : attributes) {
            byName.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, JsonNode> e : attributes) {
            String name = e.getKey();
            JsonNode attribute = e.getValue();
            JsonNode present = value.get(name);
            String attributePath = child(path, name);
            if (present == null || present.isNull()) {
                if ("required".equals(attribute.path("requirement").asText())) {
                    out.add(attributePath + ": required attribute is missing" + (present == null ? "" : " (null)"));
                }
            } else {
                validateAttribute(present, attributePath, attribute, profiles, out);
            }
        }
        if (!byName.isEmpty()) {
            for (Iterator<String> it = value.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!byName.containsKey(name)) {
                    out.add(child(path, name) + ": unknown attribute \"" + name + "\", not defined in "
                            + describeItem(schemaItem) + profileHint(schemaItem, name));
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : attributes) {
            JsonNode enumeration = e.getValue().get("enum");
            if (enumeration != null && enumeration.isObject() && value.has(e.getKey())
                    && !(path.isEmpty() && checkedElsewhere(e.getKey(), value))) {
                validateEnum(value.get(e.getKey()), child(path, e.getKey()), e.getKey(), e.getValue(), out);
            }
        }
        validateConstraints(value, path, schemaItem, out);
    }

    /** Top-level enums whose failure {@link #validateCategory} or {@link #validateTypeUid} explains better. */
    private static boolean checkedElsewhere(String name, JsonNode event) {
        switch (name) {
            case "class_uid":
            case "category_uid":
                return true;
            case "type_uid":
                return event.has("class_uid") && isInteger(event.get("class_uid")) && event.has("activity_id")
                        && isInteger(event.get("activity_id"));
            default:
                return false;
        }
    }

    private static String describeItem(ObjectNode schemaItem) {
        return schemaItem.has("uid") && schemaItem.has("category_uid")
                ? "class \"" + schemaItem.path("name").asText() + "\" (" + schemaItem.path("uid").asInt() + ")"
                : "object \"" + schemaItem.path("name").asText() + "\"";
    }

    private static String profileHint(ObjectNode schemaItem, String name) {
        JsonNode attribute = schemaItem.path("attributes").get(name);
        if (attribute != null && attribute.path("profiles").isArray()) {
            return " unless metadata.profiles lists profile " + attribute.get("profiles");
        }
        return "";
    }

    private void validateAttribute(JsonNode value, String path, JsonNode attribute, List<String> profiles,
            List<String> out) {
        String type = attribute.path("type").asText();
        if (!"object_t".equals(type) && !types.has(type)) {
            out.add(path + ": SCHEMA BUG, type \"" + type + "\" is not defined in the dictionary");
            return;
        }
        if (attribute.path("is_array").asBoolean(false)) {
            if (!value.isArray()) {
                out.add(path + ": wrong type, expected an array of " + typeName(attribute) + ", got " + describe(value));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                validateValue(value.get(i), path + "[" + i + "]", attribute, profiles, out);
            }
        } else {
            validateValue(value, path, attribute, profiles, out);
        }
    }

    private static String typeName(JsonNode attribute) {
        String type = attribute.path("type").asText();
        return "object_t".equals(type) ? attribute.path("object_type").asText() + " (object)" : type;
    }

    private void validateValue(JsonNode value, String path, JsonNode attribute, List<String> profiles,
            List<String> out) {
        String type = attribute.path("type").asText();
        if ("object_t".equals(type)) {
            String objectType = attribute.path("object_type").asText();
            if (!value.isObject()) {
                out.add(path + ": wrong type, expected " + objectType + " (object), got " + describe(value));
                return;
            }
            ObjectNode object = objects.get(objectType);
            if (object == null) {
                out.add(path + ": SCHEMA BUG, object \"" + objectType + "\" is not defined");
                return;
            }
            validateItem(value, path, object, profiles, out);
        } else {
            validateScalar(value, path, type, out);
        }
    }

    private void validateScalar(JsonNode value, String path, String typeName, List<String> out) {
        JsonNode type = types.get(typeName);
        String primitive = type.hasNonNull("type") ? type.get("type").asText() : typeName;
        String expected = primitive.equals(typeName) ? typeName : typeName + " (" + primitive + ")";
        switch (primitive) {
            case "json_t":
                return;
            case "boolean_t":
                if (!value.isBoolean()) {
                    out.add(path + ": wrong type, expected " + expected + ", got " + describe(value));
                    return;
                }
                break;
            case "integer_t":
            case "long_t":
                if (!isInteger(value) || !fits(value, "integer_t".equals(primitive) ? 63 : 127)) {
                    out.add(path + ": wrong type, expected " + expected + ", got " + describe(value));
                    return;
                }
                checkRange(value, path, typeName, type, out);
                break;
            case "float_t":
                if (!value.isFloatingPointNumber()) {
                    out.add(path + ": wrong type, expected " + expected + ", got " + describe(value));
                    return;
                }
                checkRange(value, path, typeName, type, out);
                break;
            case "string_t":
                if (!value.isTextual()) {
                    out.add(path + ": wrong type, expected " + expected + ", got " + describe(value));
                    return;
                }
                checkString(value.asText(), path, typeName, type, primitive, out);
                break;
            default:
                out.add(path + ": SCHEMA BUG, unknown primitive type \"" + primitive + "\"");
                return;
        }
        checkValues(value, path, typeName, type, primitive, out);
    }

    private void checkRange(JsonNode value, String path, String typeName, JsonNode type, List<String> out) {
        JsonNode range = type.has("range") ? type.get("range")
                : type.hasNonNull("type") ? types.path(type.get("type").asText()).get("range") : null;
        if (range != null && range.isArray() && range.size() == 2) {
            BigDecimal v = value.decimalValue();
            if (v.compareTo(range.get(0).decimalValue()) < 0 || v.compareTo(range.get(1).decimalValue()) > 0) {
                out.add(path + ": " + value + " is outside the range of " + typeName + ", " + range.get(0) + " to "
                        + range.get(1));
            }
        }
    }

    private void checkString(String text, String path, String typeName, JsonNode type, String primitive,
            List<String> out) {
        JsonNode maxLen = type.has("max_len") ? type.get("max_len") : types.path(primitive).get("max_len");
        if (maxLen != null && maxLen.canConvertToInt() && text.codePointCount(0, text.length()) > maxLen.asInt()) {
            out.add(path + ": " + text.codePointCount(0, text.length()) + " characters exceed the max_len "
                    + maxLen.asInt() + " of " + typeName);
        }
        Pattern regex = regexes.containsKey(typeName) ? regexes.get(typeName) : regexes.get(primitive);
        if (regex != null && !regex.matcher(text).find()) {
            out.add(path + ": " + NODES.textNode(text) + " does not match the regex of " + typeName);
        }
    }

    private void checkValues(JsonNode value, String path, String typeName, JsonNode type, String primitive,
            List<String> out) {
        JsonNode values = type.has("values") ? type.get("values") : types.path(primitive).get("values");
        if (values == null || !values.isArray()) {
            return;
        }
        for (JsonNode allowed : values) {
            if (allowed.equals(value) || (allowed.isNumber() && value.isNumber()
                    && allowed.decimalValue().compareTo(value.decimalValue()) == 0)) {
                return;
            }
        }
        out.add(path + ": " + value + " is not one of the values of " + typeName + " " + values);
    }

    private static void validateEnum(JsonNode value, String path, String name, JsonNode attribute,
            List<String> out) {
        JsonNode enumeration = attribute.get("enum");
        if (attribute.path("is_array").asBoolean(false)) {
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (!enumeration.has(enumKey(value.get(i)))) {
                        out.add(path + "[" + i + "]: " + value.get(i) + " is not in the enum of \"" + name + "\" "
                                + enumKeys(enumeration));
                    }
                }
            }
        } else if (!enumeration.has(enumKey(value))) {
            out.add(path + ": " + value + " is not in the enum of \"" + name + "\" " + enumKeys(enumeration));
        }
    }

    /** The server compares {@code to_string(value)} with the enum's keys. */
    private static String enumKey(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "";
        }
        return value.toString();
    }

    private static String enumKeys(JsonNode enumeration) {
        List<String> keys = new ArrayList<>();
        enumeration.fieldNames().forEachRemaining(keys::add);
        keys.sort((a, b) -> {
            boolean na = a.matches("-?\\d+");
            boolean nb = b.matches("-?\\d+");
            return na && nb ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
        });
        return keys.toString();
    }

    private static void validateConstraints(JsonNode value, String path, ObjectNode schemaItem, List<String> out) {
        JsonNode constraints = schemaItem.get("constraints");
        if (constraints == null || !constraints.isObject()) {
            return;
        }
        String where = path.isEmpty() ? "$" : path;
        for (Map.Entry<String, JsonNode> constraint : constraints.properties()) {
            int count = 0;
            for (JsonNode key : constraint.getValue()) {
                if (value.has(key.asText())) {
                    count++;
                }
            }
            switch (constraint.getKey()) {
                case "at_least_one":
                    if (count == 0) {
                        out.add(where + ": constraint at_least_one " + constraint.getValue() + " of "
                                + describeItem(schemaItem) + " failed, none of them is present");
                    }
                    break;
                case "just_one":
                    if (count != 1) {
                        out.add(where + ": constraint just_one " + constraint.getValue() + " of "
                                + describeItem(schemaItem) + " failed, " + count + " of them are present");
                    }
                    break;
                default:
                    out.add(where + ": SCHEMA BUG, unknown constraint \"" + constraint.getKey() + "\" in "
                            + describeItem(schemaItem));
            }
        }
    }

    /** The item's attributes the event may use: those from no profile, and those of a profile the event lists. */
    private static List<Map.Entry<String, JsonNode>> attributesOf(ObjectNode item, List<String> profiles) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : item.path("attributes").properties()) {
            JsonNode attributeProfiles = e.getValue().get("profiles");
            if (attributeProfiles == null || !attributeProfiles.isArray()) {
                out.add(e);
                continue;
            }
            for (JsonNode profile : attributeProfiles) {
                if (profiles.contains(profile.asText())) {
                    out.add(e);
                    break;
                }
            }
        }
        return out;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isInteger(JsonNode value) {
        return value.isIntegralNumber();
    }

    private static boolean fits(JsonNode value, int bits) {
        return !value.isBigInteger() || value.bigIntegerValue().bitLength() <= bits;
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String text = value.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        String kind;
        if (value.isNull()) {
            return "null";
        } else if (value.isTextual()) {
            kind = "string";
        } else if (value.isBoolean()) {
            kind = "boolean";
        } else if (value.isIntegralNumber()) {
            kind = "integer";
        } else if (value.isNumber()) {
            kind = "float";
        } else if (value.isArray()) {
            kind = "array";
        } else {
            kind = "object";
        }
        return kind + " " + text;
    }

    // ---- resolution of the schema files (port of ocsf-schema-compiler's compiler.py, base schema only) ----

    private static final class Compiler {
        private final Path root;
        private final Map<String, ObjectNode> includeCache = new HashMap<>();
        private ObjectNode dictionaryAttributes;
        private ObjectNode types;
        private ObjectNode categories;
        private Map<String, ObjectNode> classes;
        private Map<String, ObjectNode> objects;
        private Map<String, ObjectNode> profiles;
        private final Map<String, String> observableTypeIds = new LinkedHashMap<>();

        Compiler(Path root) {
            this.root = root;
        }

        OcsfSchema compile() {
            String version = read(root.resolve("version.json")).path("version").asText(null);
            if (version == null) {
                throw new IllegalStateException("no version in " + root.resolve("version.json"));
            }
            categories = objectAt(read(root.resolve("categories.json")), "attributes");
            ObjectNode dictionary = read(root.resolve("dictionary.json"));
            dictionaryAttributes = objectAt(dictionary, "attributes");
            types = objectAt(objectAt(dictionary, "types"), "attributes");
            classes = readItems("events", true);
            objects = readItems("objects", true);
            profiles = readItems("profiles", false);
            for (Map.Entry<String, ObjectNode> profile : profiles.entrySet()) {
                for (Iterator<String> it = profile.getValue().path("attributes").fieldNames(); it.hasNext();) {
                    String attribute = it.next();
                    if (!dictionaryAttributes.has(attribute)) {
                        throw new IllegalStateException("profile " + profile.getKey() + " attribute " + attribute
                                + " is not in the dictionary");
                    }
                }
            }
            classes.forEach((name, cls) -> resolveIncludes(cls, "class " + name));
            objects.forEach((name, obj) -> resolveIncludes(obj, "object " + name));

            collectObservableTypeIds();
            enrichDictionaryObjectTypes();

            resolveExtends(classes, "class");
            classes.entrySet().removeIf(e -> !"base_event".equals(e.getKey()) && !e.getValue().has("uid"));
            classes.forEach(this::enrichClass);

            resolveExtends(objects, "object");
            objects.keySet().removeIf(name -> name.startsWith("_"));

            addObservableTypeIds();

            boolean datetime = profiles.containsKey("datetime") && types.has("datetime_t");
            if (datetime && types.has("timestamp_t")) {
                addDatetimeDictionarySiblings();
            }
            if (datetime) {
                objects.values().forEach(this::addDatetimeAttributes);
                classes.values().forEach(this::addDatetimeAttributes);
            }
            for (ObjectNode item : concat(classes, objects)) {
                for (JsonNode attribute : item.withObjectProperty("attributes")) {
                    if (!attribute.hasNonNull("requirement")) {
                        ((ObjectNode) attribute).put("requirement", "optional");
                    }
                }
            }
            classes.forEach((name, cls) -> finishAttributes(cls, "class " + name));
            objects.forEach((name, obj) -> finishAttributes(obj, "object " + name));
            return new OcsfSchema(version, types, classes, objects, new HashSet<>(profiles.keySet()));
        }

        private static List<ObjectNode> concat(Map<String, ObjectNode> a, Map<String, ObjectNode> b) {
            List<ObjectNode> all = new ArrayList<>(a.values());
            all.addAll(b.values());
            return all;
        }

        private Map<String, ObjectNode> readItems(String kind, boolean upgradeProfile) {
            Path dir = root.resolve(kind);
            Map<String, ObjectNode> items = new LinkedHashMap<>();
            if (!Files.isDirectory(dir)) {
                return items;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .sorted().collect(Collectors.toList());
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + dir, e);
            }
            for (Path file : files) {
                ObjectNode item = read(file);
                String name = item.path("name").asText("");
                if (name.isEmpty()) {
                    throw new IllegalStateException("no \"name\" in " + file);
                }
                if (items.put(name, item) != null) {
                    throw new IllegalStateException("two " + kind + " named " + name + ", the second in " + file);
                }
                if (upgradeProfile) {
                    upgradeAttributeProfile(item);
                } else {
                    includeCache.put(key(file), item);
                }
            }
            return items;
        }

        /** Attribute {@code "profile": x} becomes {@code "profiles": [x]}, {@code null} stays null (no profile). */
        private static void upgradeAttributeProfile(ObjectNode item) {
            for (JsonNode attribute : item.path("attributes")) {
                if (attribute.isObject() && attribute.has("profile")) {
                    ObjectNode a = (ObjectNode) attribute;
                    JsonNode profile = a.remove("profile");
                    if (profile.isNull()) {
                        a.putNull("profiles");
                    } else {
                        a.set("profiles", NODES.arrayNode().add(profile.asText()));
                    }
                }
            }
        }

        private void resolveIncludes(ObjectNode item, String context) {
            ObjectNode attributes = item.withObjectProperty("attributes");
            if (attributes.has("$include")) {
                JsonNode include = attributes.remove("$include");
                if (include.isTextual()) {
                    mergeAttributesInclude(item, include.asText(), context);
                } else if (include.isArray()) {
                    for (JsonNode file : include) {
                        mergeAttributesInclude(item, file.asText(), context);
                    }
                } else {
                    throw new IllegalStateException(context + ": $include must be a string or an array");
                }
            }
            ObjectNode resolved = item.withObjectProperty("attributes");
            List<String> names = new ArrayList<>();
            resolved.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode attribute = resolved.get(name);
                if (attribute.isObject() && attribute.has("$include")) {
                    JsonNode include = ((ObjectNode) attribute).remove("$include");
                    if (!include.isTextual()) {
                        throw new IllegalStateException(context + ": attribute " + name + " $include must be a string");
                    }
                    ObjectNode merged = includeContents(include.asText(), context).deepCopy();
                    deepMerge(merged, (ObjectNode) attribute);
                    resolved.set(name, merged);
                }
            }
        }

        private void mergeAttributesInclude(ObjectNode item, String file, String context) {
            ObjectNode include = includeContents(file, context);
            if (!include.has("attributes")) {
                return;
            }
            ObjectNode attributes = ((ObjectNode) include.get("attributes")).deepCopy();
            if ("profile".equals(include.path("meta").asText())) {
                String profile = include.path("name").asText("");
                if (profile.isEmpty()) {
                    throw new IllegalStateException(context + ": profile " + file + " has no name");
                }
                for (JsonNode attribute : attributes) {
                    ((ObjectNode) attribute).set("profiles", NODES.arrayNode().add(profile));
                }
            }
            if (include.get("annotations") instanceof ObjectNode) {
                ObjectNode annotations = (ObjectNode) include.get("annotations");
                for (JsonNode attribute : attributes) {
                    for (Map.Entry<String, JsonNode> annotation : annotations.properties()) {
                        if (!attribute.has(annotation.getKey())) {
                            ((ObjectNode) attribute).set(annotation.getKey(), annotation.getValue().deepCopy());
                        }
                    }
                }
            }
            mergeAttributes(attributes, item.withObjectProperty("attributes"));
            item.set("attributes", attributes);
        }

        private ObjectNode includeContents(String file, String context) {
            Path path = root.resolve(file);
            return includeCache.computeIfAbsent(key(path), k -> {
                if (!Files.isRegularFile(path)) {
                    throw new IllegalStateException(context + ": $include " + file + " does not exist");
                }
                return read(path);
            });
        }

        private static String key(Path path) {
            return path.toAbsolutePath().normalize().toString();
        }

        /**
         * The {@code observable.type_id} enum is built from every {@code "observable": <type_id>} in the dictionary
         * (types and attributes), objects, object and class attributes, and class {@code observables} (before
         * {@code extends} is resolved, as the compiler does). Class-specific ids exist only for the classes pinned.
         */
        private void collectObservableTypeIds() {
            for (Map.Entry<String, JsonNode> e : types.properties()) {
                observable(e.getValue(), e.getValue().path("caption").asText(e.getKey()));
            }
            for (Map.Entry<String, JsonNode> e : dictionaryAttributes.properties()) {
                observable(e.getValue(), e.getValue().path("caption").asText(e.getKey()));
            }
            for (Map.Entry<String, ObjectNode> object : objects.entrySet()) {
                observable(object.getValue(), object.getValue().path("caption").asText(object.getKey()));
                for (Map.Entry<String, JsonNode> e : object.getValue().path("attributes").properties()) {
                    observable(e.getValue(), object.getKey() + " Object: " + e.getKey());
                }
            }
            for (Map.Entry<String, ObjectNode> cls : classes.entrySet()) {
                for (Map.Entry<String, JsonNode> e : cls.getValue().path("attributes").properties()) {
                    observable(e.getValue(), cls.getKey() + " Class: " + e.getKey());
                }
                for (Map.Entry<String, JsonNode> e : cls.getValue().path("observables").properties()) {
                    observableTypeIds.put(e.getValue().asText(), cls.getKey() + " Class: " + e.getKey());
                }
            }
        }

        private void observable(JsonNode item, String caption) {
            if (item.hasNonNull("observable")) {
                observableTypeIds.put(item.get("observable").asText(), caption);
            }
        }

        private void addObservableTypeIds() {
            ObjectNode observable = objects.get("observable");
            if (observable != null) {
                ObjectNode enumeration = observable.withObjectProperty("attributes").withObjectProperty("type_id")
                        .withObjectProperty("enum");
                observableTypeIds.forEach((id, caption) -> {
                    if (!enumeration.has(id)) {
                        enumeration.set(id, NODES.objectNode().put("caption", caption));
                    }
                });
            }
        }

        private void enrichDictionaryObjectTypes() {
            for (JsonNode attribute : dictionaryAttributes) {
                ObjectNode a = (ObjectNode) attribute;
                String type = a.path("type").asText();
                if (!types.has(type)) {
                    if (!objects.containsKey(type)) {
                        throw new IllegalStateException("dictionary attribute uses undefined object " + type);
                    }
                    a.put("type", "object_t");
                    a.put("object_type", type);
                }
            }
        }

        private void resolveExtends(Map<String, ObjectNode> items, String kind) {
            Set<String> done = new HashSet<>();
            for (String name : new ArrayList<>(items.keySet())) {
                resolveExtends(items, name, kind, done, new HashSet<>());
            }
        }

        private void resolveExtends(Map<String, ObjectNode> items, String name, String kind, Set<String> done,
                Set<String> visiting) {
            if (done.contains(name)) {
                return;
            }
            if (!visiting.add(name)) {
                throw new IllegalStateException(kind + " " + name + " extends itself");
            }
            ObjectNode item = items.get(name);
            String parentName = item.path("extends").asText(null);
            if (parentName != null) {
                if (!items.containsKey(parentName)) {
                    throw new IllegalStateException(kind + " " + name + " extends undefined " + kind + " " + parentName);
                }
                resolveExtends(items, parentName, kind, done, visiting);
                ObjectNode flattened = items.get(parentName).deepCopy();
                for (Map.Entry<String, JsonNode> e : item.properties()) {
                    if ("attributes".equals(e.getKey())) {
                        ObjectNode attributes = flattened.withObjectProperty("attributes");
                        mergeAttributes(attributes, (ObjectNode) e.getValue());
                    } else if ("profiles".equals(e.getKey())) {
                        TreeSet<String> merged = new TreeSet<>(strings(flattened.get("profiles")));
                        merged.addAll(strings(e.getValue()));
                        if (!merged.isEmpty()) {
                            flattened.set("profiles", toArray(merged));
                        }
                    } else {
                        flattened.set(e.getKey(), e.getValue().deepCopy());
                    }
                }
                items.put(name, flattened);
            }
            done.add(name);
        }

        private void enrichClass(String name, ObjectNode cls) {
            String categoryKey = cls.path("category").asText(null);
            JsonNode category = categoryKey == null ? null : categories.get(categoryKey);
            int categoryUid = category == null ? 0 : category.path("uid").asInt(0);
            int uid = categoryUid * 1000 + cls.path("uid").asInt(0);
            cls.put("uid", uid);
            ObjectNode attributes = cls.withObjectProperty("attributes");
            String caption = cls.path("caption").asText("UNKNOWN");
            JsonNode activityEnum = attributes.path("activity_id").get("enum");
            if (activityEnum == null || !activityEnum.isObject()) {
                throw new IllegalStateException("class " + name + " has no activity_id enum");
            }
            ObjectNode typeEnum = NODES.objectNode();
            for (Map.Entry<String, JsonNode> activity : activityEnum.properties()) {
                ObjectNode entry = activity.getValue().deepCopy();
                entry.put("caption", caption + ": " + activity.getValue().path("caption").asText("<unknown>"));
                typeEnum.set(String.valueOf((long) uid * 100 + Integer.parseInt(activity.getKey())), entry);
            }
            typeEnum.set(String.valueOf((long) uid * 100), NODES.objectNode().put("caption", caption + ": Unknown"));
            attributes.withObjectProperty("type_uid").set("enum", typeEnum);
            attributes.withObjectProperty("class_uid").set("enum",
                    NODES.objectNode().set(String.valueOf(uid), NODES.objectNode().put("caption", caption)));
            if (category != null) {
                cls.put("category_uid", categoryUid);
                cls.put("category_name", category.path("caption").asText());
                attributes.withObjectProperty("category_uid").set("enum",
                        NODES.objectNode().set(String.valueOf(categoryUid), category.deepCopy()));
            } else if ("other".equals(categoryKey)) {
                cls.put("category_uid", 0);
                cls.put("category_name", "Uncategorized");
            } else {
                throw new IllegalStateException("class " + name + " has undefined category " + categoryKey);
            }
        }

        private void addDatetimeDictionarySiblings() {
            Map<String, ObjectNode> additions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : dictionaryAttributes.properties()) {
                if ("timestamp_t".equals(e.getValue().path("type").asText())) {
                    ObjectNode sibling = e.getValue().deepCopy();
                    sibling.put("type", "datetime_t");
                    additions.put(e.getKey() + "_dt", sibling);
                }
            }
            additions.forEach(dictionaryAttributes::set);
        }

        private void addDatetimeAttributes(ObjectNode item) {
            ObjectNode attributes = item.withObjectProperty("attributes");
            Map<String, ObjectNode> additions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : attributes.properties()) {
                String type = e.getValue().has("type") ? e.getValue().get("type").asText()
                        : dictionaryAttributes.path(e.getKey()).path("type").asText();
                if ("timestamp_t".equals(type)) {
                    ObjectNode dt = e.getValue().deepCopy();
                    dt.set("profiles", NODES.arrayNode().add("datetime"));
                    dt.put("requirement", "optional");
                    additions.put(e.getKey() + "_dt", dt);
                }
            }
            if (!additions.isEmpty()) {
                additions.forEach(attributes::set);
                TreeSet<String> itemProfiles = new TreeSet<>(strings(item.get("profiles")));
                itemProfiles.add("datetime");
                item.set("profiles", toArray(itemProfiles));
            }
        }

        private void finishAttributes(ObjectNode item, String context) {
            ObjectNode attributes = item.withObjectProperty("attributes");
            ObjectNode finished = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : attributes.properties()) {
                JsonNode definition = dictionaryAttributes.get(e.getKey());
                if (definition == null) {
                    throw new IllegalStateException(context + ": attribute " + e.getKey() + " is not in the dictionary");
                }
                ObjectNode merged = definition.deepCopy();
                deepMerge(merged, (ObjectNode) e.getValue());
                finished.set(e.getKey(), merged);
            }
            item.set("attributes", finished);
        }

        /** compiler.py {@code _merge_attributes}: source's attributes laid over dest's. */
        private static void mergeAttributes(ObjectNode dest, ObjectNode source) {
            for (Map.Entry<String, JsonNode> e : source.properties()) {
                JsonNode existing = dest.get(e.getKey());
                if (existing instanceof ObjectNode && e.getValue() instanceof ObjectNode) {
                    mergeAttributeDetail((ObjectNode) existing, (ObjectNode) e.getValue());
                } else {
                    dest.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }

        /** compiler.py {@code _merge_attribute_detail}. */
        private static void mergeAttributeDetail(ObjectNode dest, ObjectNode source) {
            for (Map.Entry<String, JsonNode> e : source.properties()) {
                String key = e.getKey();
                JsonNode value = e.getValue();
                if (!dest.has(key)) {
                    dest.set(key, value.deepCopy());
                } else if (value.equals(dest.get(key))) {
                    continue;
                } else if ("profiles".equals(key)) {
                    if (value.isNull()) {
                        dest.putNull("profiles");
                    } else {
                        TreeSet<String> merged = new TreeSet<>(strings(dest.get("profiles")));
                        merged.addAll(strings(value));
                        dest.set("profiles", toArray(merged));
                    }
                } else if ("requirement".equals(key) && source.hasNonNull("profiles") && dest.has("profiles")) {
                    // an attribute affected by two profiles: the stronger requirement wins
                    String a = dest.path("requirement").asText(null);
                    String b = value.asText(null);
                    dest.put("requirement", rank(a) >= rank(b) ? a : b);
                } else if (dest.get(key).isObject() && value.isObject()) {
                    deepMerge((ObjectNode) dest.get(key), (ObjectNode) value);
                } else {
                    dest.set(key, value.deepCopy());
                }
            }
        }

        private static int rank(String requirement) {
            if (requirement == null) {
                return 0;
            }
            switch (requirement) {
                case "required":
                    return 3;
                case "recommended":
                    return 2;
                case "optional":
                    return 1;
                default:
                    throw new IllegalStateException("unknown requirement " + requirement);
            }
        }

        /** utils.py {@code deep_merge}: objects merge key by key, anything else (arrays too) is replaced. */
        private static void deepMerge(ObjectNode dest, ObjectNode source) {
            for (Map.Entry<String, JsonNode> e : source.properties()) {
                JsonNode existing = dest.get(e.getKey());
                if (existing instanceof ObjectNode && e.getValue() instanceof ObjectNode) {
                    deepMerge((ObjectNode) existing, (ObjectNode) e.getValue());
                } else {
                    dest.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            if (array != null && array.isArray()) {
                array.forEach(v -> out.add(v.asText()));
            }
            return out;
        }

        private static ArrayNode toArray(Set<String> values) {
            ArrayNode array = NODES.arrayNode();
            values.forEach(array::add);
            return array;
        }

        private static ObjectNode objectAt(ObjectNode node, String field) {
            JsonNode value = node.get(field);
            if (!(value instanceof ObjectNode)) {
                throw new IllegalStateException("no \"" + field + "\" object in the OCSF schema file");
            }
            return (ObjectNode) value;
        }

        private static ObjectNode read(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode node = MAPPER.readTree(in);
                if (!(node instanceof ObjectNode)) {
                    throw new IllegalStateException(file + " is not a JSON object");
                }
                return (ObjectNode) node;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
    }

    /** The resolved class (compiled form, as the OCSF schema compiler would output it), for tests and debugging. */
    ObjectNode resolvedClass(int classUid) {
        ObjectNode cls = classesByUid.get(classUid);
        return cls == null ? null : cls.deepCopy();
    }

    /** The resolved object by name, for tests and debugging. */
    ObjectNode resolvedObject(String name) {
        ObjectNode obj = objects.get(name);
        return obj == null ? null : obj.deepCopy();
    }
}
