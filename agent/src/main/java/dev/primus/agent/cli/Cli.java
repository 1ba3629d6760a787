package dev.primus.agent.cli;

import dev.primus.agent.audit.AuditChainVerifier;
import dev.primus.agent.auth.AuthSetup;
import dev.primus.agent.boot.BuildInfo;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Environment;
import dev.primus.config.LoadResult;
import dev.primus.config.PrimusConfig;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses the verb and runs it; every verb prints its own {@code --help}. */
public final class Cli {
    static final int OK = 0;
    static final int PROBLEMS_FOUND = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private static final String USAGE_TEXT = String.join("\n",
            "Usage: java -jar primus-agent.jar <verb> [arguments]",
            "",
            "Verbs:",
            "  demo [--plain]                 run the demo service without and with the agent and tell what each guard did",
            "  validate FILE                  check a config file; one line per error, as FILE:LINE: key: problem",
            "  attach PID [--config FILE]     load the agent into a running JVM",
            "  status PID                     print what the agent in a running JVM guards and what each hook did",
            "  reload PID                     make the agent in a running JVM read its config file now",
            "  verify-audit FILE... [--key FILE] [--heads FILE]  check the hash chain of audit files",
            "  check-egress FILE URL|HOST:PORT  print what FILE's egress policy decides for a destination",
            "  suggest-allowlist AUDIT_FILE   print an egress.allow block covering every destination audited",
            "  suggest-auth-rules AUDIT_FILE  print an auth.rules block to start from, a rule per route audited",
            "  mask [--report] FILE           mask standard input to standard output with FILE's masking config",
            "  schema                         print the config's JSON Schema",
            "  version                        print version, build and supported Java range",
            "",
            "Exit status: 0 done, 1 problems found, 2 wrong command line, 3 could not be done.",
            "Attach at launch instead: java -javaagent:primus-agent.jar=config=/etc/primus/primus.yaml -jar app.jar");

    private final java.io.InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Environment environment;

    Cli(java.io.InputStream in, PrintStream out, PrintStream err, Environment environment) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    Cli(PrintStream out, PrintStream err, Environment environment) {
        this(System.in, out, err, environment);
    }

    /** Entry from {@code CommandLineEntry}: runs the verb and returns the exit status. */
    public static int run(String[] args) {
        return new Cli(System.in, System.out, System.err, Environment.PROCESS).execute(args);
    }

    int execute(String[] args) {
        if (args.length == 0 || isHelp(args[0])) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String verb = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (rest.length == 1 && isHelp(rest[0])) {
            out.println(helpOf(verb));
            return helpOf(verb).startsWith("unknown") ? USAGE : OK;
        }
        switch (verb) {
            case "version":
                return rest.length == 0 ? version() : usage(verb);
            case "schema":
                return rest.length == 0 ? schema() : usage(verb);
            case "validate":
                return rest.length == 1 ? validate(rest[0]) : usage(verb);
            case "verify-audit":
                return rest.length >= 1 ? verifyAudit(rest) : usage(verb);
            case "attach":
                return attach(rest);
            case "status":
                return rest.length == 1 && rest[0].matches("[0-9]+") ? new StatusCommand(out, err).run(rest[0]) : usage(verb);
            case "reload":
                return rest.length == 1 && rest[0].matches("[0-9]+") ? new StatusCommand(out, err).reload(rest[0]) : usage(verb);
            case "check-egress":
                return rest.length == 2 ? new EgressCommands(out, err, environment).check(rest[0], rest[1]) : usage(verb);
            case "suggest-allowlist":
                return rest.length == 1 ? new SuggestCommands(out, err).allowlist(rest[0]) : usage(verb);
            case "suggest-auth-rules":
                return rest.length == 1 ? new SuggestCommands(out, err).authRules(rest[0]) : usage(verb);
            case "mask":
                return mask(rest);
            case "demo":
                int demo = new DemoCommand(out, err).run(rest);
                return demo == USAGE ? usage(verb) : demo;
            default:
                err.println("unknown verb '" + verb + "'");
                err.println(USAGE_TEXT);
                return USAGE;
        }
    }

    private int version() {
        out.println("Primus Agent " + BuildInfo.version() + " (built " + BuildInfo.built() + "); runs on "
                + BuildInfo.javaRange());
        return OK;
    }

    private int schema() {
        out.print(ConfigLoader.schemaJson());
        return OK;
    }

    private int validate(String file) {
        LoadResult result = new ConfigLoader(environment).load(new File(file));
        if (!result.isValid()) {
            for (ConfigError error : result.errors()) {
                out.println(error);
            }
            err.println(result.errors().size() + (result.errors().size() == 1 ? " error" : " errors") + " in " + file);
            return PROBLEMS_FOUND;
        }
        PrimusConfig config = result.config();
        try {
            // What only the auth engine can refuse (a path pattern, a key file): binding fetches nothing.
            AuthSetup.bind(config.auth(), config.source(), Clock.systemUTC()).close();
        } catch (AuthSetup.AuthSetupException invalid) {
            for (ConfigError error : invalid.errors()) {
                out.println(error);
            }
            err.println(invalid.errors().size() + (invalid.errors().size() == 1 ? " error" : " errors") + " in " + file);
            return PROBLEMS_FOUND;
        }
        out.println(file + ": valid; service " + config.serviceAsWritten() + "; egress=" + config.egress().mode().word()
                + " logging=" + config.masking().mode().word() + " auth=" + config.auth().mode().word());
        return OK;
    }

    /** {@code verify-audit FILE... [--key FILE]... [--heads FILE]}: the files as one chain, oldest first. */
    private int verifyAudit(String[] args) {
        AuditChainVerifier verifier = new AuditChainVerifier();
        List<File> files = new ArrayList<File>();
        String reading = null;
        try {
            for (int i = 0; i < args.length; i++) {
                reading = args[i];
                if (("--key".equals(args[i]) || "--heads".equals(args[i])) && i + 1 < args.length) {
                    reading = args[i + 1];
                    if ("--key".equals(args[i])) {
                        verifier.key(new String(java.nio.file.Files.readAllBytes(new File(args[++i]).toPath()),
                                java.nio.charset.StandardCharsets.UTF_8).trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        verifier.headsFrom(new File(args[++i]));
                    }
                } else if (args[i].startsWith("--")) {
                    return usage("verify-audit");
                } else {
                    files.add(new File(args[i]));
                }
            }
            if (files.isEmpty()) {
                return usage("verify-audit");
            }
            String problem = verifier.check(files);
            if (problem != null) {
                out.println(problem);
                return PROBLEMS_FOUND;
            }
            int lines = 0;
            for (File file : files) {
                reading = file.getPath();
                lines += AuditChainVerifier.lineCount(file);
            }
            out.println(files.get(files.size() - 1) + ": hash chain intact over " + lines + " lines"
                    + (files.size() > 1 ? " in " + files.size() + " files" : ""));
            return OK;
        } catch (IOException e) {
            err.println("cannot read " + reading + ": " + e.getMessage());
            return FAILED;
        }
    }

    private int attach(String[] args) {
        String pid = null;
        String config = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                config = args[++i];
            } else if (pid == null && args[i].matches("[0-9]+")) {
                pid = args[i];
            } else {
                return usage("attach");
            }
        }
        if (pid == null) {
            return usage("attach");
        }
        if (config != null) {
            // The target JVM resolves the path from its own working directory: give it an absolute one.
            File file = new File(config).getAbsoluteFile();
            LoadResult result = new ConfigLoader(environment).load(file);
            if (!result.isValid()) {
                for (ConfigError error : result.errors()) {
                    out.println(error);
                }
                err.println("not attached: the config is invalid");
                return PROBLEMS_FOUND;
            }
            config = file.getPath();
        }
        return new Attacher(out, err).attach(pid, config) ? OK : FAILED;
    }

    private int usage(String verb) {
        err.println(helpOf(verb));
        return USAGE;
    }

    private static String helpOf(String verb) {
        switch (verb) {
            case "version":
                return "Usage: version\nPrints the agent's version, build time and the Java versions it runs on.";
            case "schema":
                return "Usage: schema\nPrints the JSON Schema every config file is validated against.";
            case "validate":
                return "Usage: validate FILE\nChecks FILE against the schema and the semantic rules. Prints one line per "
                        + "error as FILE:LINE: key: problem and exits 1, or exits 0 when the file is valid.\n"
                        + "${env:NAME} and ${file:PATH} are resolved as the agent would; their values are never printed.";
            case "verify-audit":
                return "Usage: verify-audit FILE... [--key FILE]... [--heads FILE]\nChecks the hash chain of audit files "
                        + "written with hash_chain, read as one chain in the order given (oldest first: audit.jsonl.1 "
                        + "audit.jsonl). --key: a key of a keyed chain (repeat for rotated keys); from the first keyed "
                        + "line on, every line must be keyed. --heads: chain_head events a remote sink received, one "
                        + "JSON object per line; each must be a line of the chain, or its tail was cut. Exits 1 and "
                        + "prints the first bad line when a line was changed, removed, reordered or forged.";
            case "attach":
                return "Usage: attach PID [--config FILE]\nLoads the agent into the running JVM PID (same user). The config "
                        + "is validated first; without --config the target uses -Dprimus.config, PRIMUS_CONFIG or the "
                        + "embedded default. The target prints the [primus] start-up line on its stderr.";
            case "status":
                return "Usage: status PID\nPrints the start-up summary of the agent in the running JVM PID (same user) "
                        + "and, for every hook, where it was woven, where a library's class loaded without its method "
                        + "(MISSED, with the library and version), or that no class it hooks has loaded yet. Loads no "
                        + "agent: it starts the JVM's local JMX connector, as jcmd PID ManagementAgent.start_local does, "
                        + "and reads the agent's read-only MBean dev.primus:type=Agent. Exits 1 when no agent answers.";
            case "reload":
                return "Usage: reload PID\nMakes the agent in the running JVM PID (same user) read its config file now "
                        + "(it also looks once a second) and prints what changed. An invalid file is refused with its "
                        + "FILE:LINE errors and the policy in force stays; exits 1 then. Loads no agent, as status does.";
            case "demo":
                return "Usage: demo [--plain] [--app JAR]\nRuns the demo service (examples/target/primus-demo.jar, built with "
                        + "mvn -q -B -DskipTests package; or JAR) twice on loopback, without the agent and with it, every "
                        + "guard enforcing: egress, DNS exfiltration, log masking, auth, Stripe webhooks, a rate limit, and "
                        + "the audit trail's hash chain. --plain: no colour (colour only on a terminal anyway). Exits 1 when "
                        + "a guard did not act as shown.";
            case "check-egress":
                return "Usage: check-egress FILE URL|HOST:PORT\nPrints the decision the agent takes with FILE's egress "
                        + "policy for a URL an HTTP client requests (https://api.example.com/v1/x) or a socket connect "
                        + "(db.internal:5432, [::1]:80), and the rule that took it; then the verdict by name and by each "
                        + "address the name resolves to here. Exits 0 when allowed, 1 when denied, 3 when FILE is invalid.";
            case "suggest-auth-rules":
                return "Usage: suggest-auth-rules AUDIT_FILE\nReads the auth events of an audit file (monitor mode with "
                        + "auth.default: deny, or audit_success: true) and prints an auth.rules block with a rule per route "
                        + "seen: ids in paths (numbers, UUIDs, long hex) become *, with the methods seen; health checks are "
                        + "public, every other route asks for a JWT or an API key, commented with how often a caller was "
                        + "authenticated there. A starting point to review.";
            case "suggest-allowlist":
                return "Usage: suggest-allowlist AUDIT_FILE\nReads the egress events of an audit file (written in monitor "
                        + "mode, say) and prints an egress.allow block with a rule for every destination seen, narrowed to "
                        + "the ports seen. Review it before you paste it into the config.";
            case "mask":
                return "Usage: mask [--report] FILE\nMasks standard input with FILE's logging.masking detectors and "
                        + "style as the agent masks a message, and writes it to standard output. A message may span "
                        + "lines: a line that starts like a log record (a time stamp or level word) or follows a blank "
                        + "line begins the next one, so a PEM block or a stack trace is judged whole; in a log whose "
                        + "lines start otherwise, every line but an indented one begins a message. Line endings are "
                        + "kept as they came (CRLF stays CRLF). --report prints how many values each detector masked "
                        + "on standard error. For trying detectors and custom patterns on a real log before a rollout. "
                        + "Exits 3 when FILE is invalid.";
            default:
                return "unknown verb '" + verb + "'\n" + USAGE_TEXT;
        }
    }

    private int mask(String[] rest) {
        boolean report = rest.length == 2 && "--report".equals(rest[0]);
        if (rest.length != (report ? 2 : 1)) {
            return usage("mask");
        }
        return new MaskCommand(in, out, err, environment).run(rest[rest.length - 1], report);
    }

    private static boolean isHelp(String arg) {
        return "--help".equals(arg) || "-h".equals(arg) || "help".equals(arg);
    }
}
