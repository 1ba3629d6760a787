package dev.primus.config;

/** Where {@code ${env:NAME}} looks; the process environment in production, a map in tests. */
public interface Environment {
    /** The variable's value, or null when it is not set. */
    String variable(String name);

    Environment PROCESS = new Environment() {
        @Override
        public String variable(String name) {
            return System.getenv(name);
        }
    };
}
