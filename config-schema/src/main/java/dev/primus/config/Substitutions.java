package dev.primus.config;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:PATH}} in every scalar, so secrets never have
 * to be written in the file. A value that received a substitution is marked secret: neither
 * the loader nor the agent ever prints it.
 */
final class Substitutions {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z]+):([^}]*)}");

    private final String file;
    private final Environment environment;
    private final List<ConfigError> errors;

    Substitutions(String file, Environment environment, List<ConfigError> errors) {
        this.file = file;
        this.environment = environment;
        this.errors = errors;
    }

    void apply(ConfigNode node) {
        switch (node.kind()) {
            case MAPPING:
                for (ConfigNode child : node.entries().values()) {
                    apply(child);
                }
                break;
            case LIST:
                for (ConfigNode item : node.items()) {
                    apply(item);
                }
                break;
            case SCALAR:
                substitute(node);
                break;
            default:
                break;
        }
    }

    private void substitute(ConfigNode scalar) {
        String text = scalar.text();
        if (text.indexOf("${") < 0) {
            return;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuffer result = new StringBuffer();
        boolean complete = true;
        while (matcher.find()) {
            String value = resolve(scalar, matcher.group(1), matcher.group(2));
            if (value == null) {
                complete = false;
                value = "";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        if (complete) {
            scalar.substitute(result.toString());
        } else {
            scalar.markSecret();
        }
    }

    private String resolve(ConfigNode scalar, String kind, String argument) {
        if ("env".equals(kind)) {
            String value = environment.variable(argument);
            if (value == null) {
                error(scalar, "environment variable " + argument + " is not set; set it or remove ${env:" + argument + "}");
            }
            return value;
        }
        if ("file".equals(kind)) {
            try (InputStream in = new FileInputStream(argument)) {
                return stripFinalNewline(new String(ConfigLoader.readAll(in), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                error(scalar, "file " + argument + " cannot be read (" + e.getClass().getSimpleName()
                        + "); check the path and that the JVM's user may read it");
                return null;
            }
        }
        error(scalar, "unknown substitution ${" + kind + ":...}; use ${env:NAME} or ${file:PATH}");
        return null;
    }

    /** Secret files usually end with a newline that is not part of the secret. */
    private static String stripFinalNewline(String content) {
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    private void error(ConfigNode scalar, String message) {
        errors.add(new ConfigError(file, scalar.line(), scalar.path(), message));
    }
}
