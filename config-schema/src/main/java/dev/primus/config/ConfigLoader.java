package dev.primus.config;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a config file into a {@link LoadResult}: parse with line numbers, substitute secrets,
 * validate against the schema, check what the schema cannot, bind the typed model. Every
 * error found is reported, not just the first.
 *
 * <p>Reads files with {@code java.io} only: the agent loads its config in premain, before the
 * app's own start-up, where touching {@code java.nio.file} would fix the default file system
 * provider before the app can choose it.
 */
public final class ConfigLoader {
    /** The config used when none is named; documented in the README. */
    public static final String EMBEDDED_DEFAULT = "/primus-default.yaml";
    public static final String EMBEDDED_DEFAULT_NAME = "embedded default";

    /** Finds {@code on_config_error: fail_closed} in a file too broken to parse. */
    private static final Pattern FAIL_CLOSED_LINE =
            Pattern.compile("(?m)^on_config_error\\s*:\\s*[\"']?fail_closed[\"']?\\s*(#.*)?$");

    private final Environment environment;
    private final SchemaValidator schema = SchemaValidator.bundled();

    public ConfigLoader(Environment environment) {
        this.environment = environment;
    }

    /** Loads a file from disk; errors name it as {@code file} was written. */
    public LoadResult load(File file) {
        if (!file.isFile()) {
            return unreadable(file, "the file does not exist; check the path given to the agent");
        }
        byte[] bytes;
        try (InputStream in = new FileInputStream(file)) {
            bytes = readAll(in);
        } catch (IOException e) {
            return unreadable(file, "the file cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return load(file.getPath(), bytes);
    }

    /** Loads the config bundled in the agent jar. */
    public LoadResult loadEmbeddedDefault() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(EMBEDDED_DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException(EMBEDDED_DEFAULT + " is missing from the agent jar");
            }
            return load(EMBEDDED_DEFAULT_NAME, readAll(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EMBEDDED_DEFAULT, e);
        }
    }

    /** Loads config text; {@code name} is what errors call the file. */
    public LoadResult load(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<ConfigError> errors = new ArrayList<ConfigError>();
        ConfigNode root = new YamlReader(name, errors).read(text);
        if (root == null) {
            if (errors.isEmpty()) {
                errors.add(new ConfigError(name, 0, "(top level)",
                        "the file is empty; write at least 'service: NAME' (see docs/configuration.md)"));
            }
            return LoadResult.invalid(errors, FAIL_CLOSED_LINE.matcher(text).find());
        }
        if (root.kind() != ConfigNode.Kind.MAPPING) {
            errors.add(new ConfigError(name, root.line(), root.path(),
                    "expected a mapping of settings (key: value lines) but got " + root.describe()));
            return LoadResult.invalid(errors, FAIL_CLOSED_LINE.matcher(text).find());
        }
        boolean failClosed = root.get("on_config_error") != null
                && "fail_closed".equals(root.get("on_config_error").text());
        new Substitutions(name, environment, errors).apply(root);
        schema.validate(name, root, errors);
        if (errors.isEmpty()) {
            new SemanticChecks(name, errors).check(root);
        }
        if (!errors.isEmpty()) {
            return LoadResult.invalid(errors, failClosed);
        }
        return LoadResult.valid(ConfigBinder.bind(name, bytes, root));
    }

    /** The JSON Schema the loader validates against, as bundled. */
    public static String schemaJson() {
        return SchemaValidator.schemaText();
    }

    private static LoadResult unreadable(File file, String message) {
        List<ConfigError> errors = new ArrayList<ConfigError>();
        errors.add(new ConfigError(file.getPath(), 0, "(file)", message));
        return LoadResult.invalid(errors, false);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    /** Lower-case hex SHA-256 of {@code bytes}: how a config file is named in the audit trail. */
    public static String sha256Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
