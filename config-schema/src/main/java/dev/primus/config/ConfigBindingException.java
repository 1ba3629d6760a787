package dev.primus.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * What an engine found it cannot use in a config the schema accepted (a path pattern it cannot
 * read, a key file it cannot load): every problem as {@code FILE:LINE: path: message}, in file
 * order, so the operator fixes them all in one go.
 */
public class ConfigBindingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<ConfigError> errors;

    public ConfigBindingException(List<ConfigError> errors) {
        super(inFileOrder(errors).get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = Collections.unmodifiableList(inFileOrder(errors));
    }

    private static List<ConfigError> inFileOrder(List<ConfigError> errors) {
        List<ConfigError> sorted = new ArrayList<ConfigError>(errors);
        Collections.sort(sorted, new Comparator<ConfigError>() {
            @Override
            public int compare(ConfigError a, ConfigError b) {
                return Integer.compare(a.line(), b.line());
            }
        });
        return sorted;
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
