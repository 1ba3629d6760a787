package dev.primus.benchmarks.micro;

import dev.primus.benchmarks.ResultsFolder;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The command line of {@link MicroSuite}, checked.
 *
 * @param quick   1 fork, 2 warm-up and 3 measurement iterations of 1 s; else the benchmarks' annotations
 * @param include only the benchmarks whose JMH name ({@code package.Class.method}) this finds, or null
 * @param out     the results folder, absolute
 * @param agent   the agent jar for the rows measured with it
 */
record SuiteOptions(boolean quick, Pattern include, Path out, Path agent) {
    static final String USAGE = "usage: MicroSuite [--quick] [--include REGEX] [--out DIR] [--agent JAR]";

    static SuiteOptions parse(String... args) {
        boolean quick = false;
        Pattern include = null;
        Path out = null;
        Path agent = Path.of("agent", "target", "primus-agent.jar");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--quick")) {
                quick = true;
                continue;
            }
            if (!option.equals("--include") && !option.equals("--out") && !option.equals("--agent")) {
                throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--include" -> include = pattern(value);
                case "--out" -> out = Path.of(value);
                default -> agent = Path.of(value);
            }
        }
        return new SuiteOptions(quick, include, (out != null ? out : ResultsFolder.today("micro.md")).toAbsolutePath(),
                agent.toAbsolutePath());
    }

    /** Whether the entry is in this run. */
    boolean includes(SuiteEntry entry) {
        return include == null || include.matcher(entry.jmhName()).find();
    }

    private static Pattern pattern(String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--include " + value + ": not a regular expression (" + e.getDescription()
                    + ")");
        }
    }
}
