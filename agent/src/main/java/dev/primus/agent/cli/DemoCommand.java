package dev.primus.agent.cli;

import dev.primus.agent.audit.AuditChainVerifier;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo}: runs the demo service (examples/target/primus-demo.jar, an orders service on
 * embedded Tomcat that knows nothing of the agent) twice on loopback, without the agent and
 * with it, every guard enforcing, and tells what each guard changed; then checks the audit
 * trail's hash chain. The service's identity provider key, Stripe secret and config are made
 * fresh in a temporary folder, which is kept for the reader to look at.
 */
final class DemoCommand {
    /** What each step must show under the agent: the demo fails, and says so, when one does not. */
    private static final String[][] EXPECTED = {
        {"egress.partner", "connected"},
        {"egress.unlisted", "no connection"},
        {"dns.exfil", "egress.dns"},
        {"auth.none", "401"},
        {"auth.token", "200"},
        {"webhook.forged", "400"},
        {"webhook.signed", "200"},
        {"ratelimit", "200 200 200 429 429"},
    };
    /** What the log line must no longer hold under the agent. */
    private static final String[] SECRETS_LOGGED = {"4111 1111 1111 1111", "hunter2", "jane.doe@example.com"};

    private final PrintStream out;
    private final PrintStream err;
    private boolean colour;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        boolean plain = false;
        File app = null;
        for (int i = 0; i < args.length; i++) {
            if ("--plain".equals(args[i])) {
                plain = true;
            } else if ("--app".equals(args[i]) && i + 1 < args.length) {
                app = new File(args[++i]);
            } else {
                return Cli.USAGE;
            }
        }
        colour = !plain && System.console() != null;
        long started = System.nanoTime();
        File agentJar;
        try {
            agentJar = new File(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            err.println("demo: cannot locate the agent jar (" + e + ")");
            return Cli.FAILED;
        }
        if (app == null) {
            app = new File(agentJar.getAbsoluteFile().getParentFile(), "../../examples/target/primus-demo.jar");
        }
        if (!app.isFile()) {
            err.println("demo: the demo service is not built (" + app.getPath() + "); build it with: mvn -q -B -DskipTests package");
            return Cli.FAILED;
        }
        try {
            File dir = java.nio.file.Files.createTempDirectory("primus-demo").toFile();
            DemoFiles files = DemoFiles.write(dir);
            String java = new File(System.getProperty("java.home"), "bin/java").getPath();
            List<String> hosts = Arrays.asList("-Djdk.net.hosts.file=" + files.hosts);
            Run without = runService(java, hosts, app, dir);
            List<String> withAgent = new ArrayList<String>(hosts);
            withAgent.add(0, "-javaagent:" + agentJar.getPath() + "=config=" + files.config);
            Run with = runService(java, withAgent, app, dir);
            List<String> failures = narrate(dir, files, without, with);
            out.println();
            out.printf("Done in %.1f s, all on loopback. Config, trail and keys: %s%n",
                    (System.nanoTime() - started) / 1e9, dir);
            if (!failures.isEmpty()) {
                err.println("demo: not as expected: " + failures);
                return Cli.PROBLEMS_FOUND;
            }
            return Cli.OK;
        } catch (IOException | GeneralSecurityException e) {
            err.println("demo: " + e);
            return Cli.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Cli.FAILED;
        }
    }

    /** One run of the service: its RESULT lines by key, and the agent's own lines. */
    private static final class Run {
        final Map<String, String> results = new LinkedHashMap<String, String>();
        final List<String> primusLines = new ArrayList<String>();
        boolean done;
    }

    private Run runService(String java, List<String> jvmOptions, File app, File dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<String>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(app.getPath());
        command.add(dir.getPath());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Run run = new Run();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("RESULT ")) {
                    int space = line.indexOf(' ', "RESULT ".length());
                    run.results.put(line.substring("RESULT ".length(), space), line.substring(space + 1));
                } else if (line.startsWith("[primus]")) {
                    run.primusLines.add(line);
                } else if (line.equals("DONE")) {
                    run.done = true;
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return run;
    }

    private List<String> narrate(File dir, DemoFiles files, Run without, Run with) throws IOException {
        List<String> failures = new ArrayList<String>();
        if (!without.done || !with.done) {
            failures.add("the service did not finish (" + (without.done ? "with" : "without") + " the agent)");
        }
        out.println(bold("Primus Agent demo") + ": an orders service that knows nothing of the agent, run twice on loopback:");
        out.println("as it is, then under the agent with every guard enforcing (" + files.config + ").");
        for (String line : with.primusLines) {
            if (line.contains(" started in ")) {
                out.println(dim(line));
            }
        }
        heading("1. Egress allowlist", "only 127.0.0.1 may be called (egress.allow); any other address is denied");
        step("call the payments partner at 127.0.0.1", "egress.partner", without, with);
        step("call an unlisted host at 127.0.0.2", "egress.unlisted", without, with);
        heading("2. DNS exfiltration", "a lookup of 4111111111111111.exfil.demo.invalid hands a card number to the DNS "
                + "server of exfil.demo.invalid");
        step("look the name up (here a hosts file answers, so no query leaves this machine)", "dns.exfil", without, with);
        heading("3. Log masking", "the app logs a payment with an e-mail address, a card number and a password");
        step("LOG.log(INFO, \"order 1042 paid by {0} with card {1}, login password={2}\", ...)", "log.line", without, with);
        heading("4. Auth at the servlet entry", "the app checks nothing itself; the agent asks for a token from the demo's "
                + "identity provider (RS256, keys from a JWKS file)");
        step("GET /orders/1042 with no token", "auth.none", without, with);
        step("GET /orders/1042 with a valid token", "auth.token", without, with);
        heading("5. Stripe webhook signatures", "POST /hooks/stripe must carry Stripe's signature of its body");
        step("a forged event", "webhook.forged", without, with);
        step("an event signed with the endpoint secret", "webhook.signed", without, with);
        heading("6. Rate limit", "3 searches per client address (no refill, for the demo)");
        step("GET /search five times (status codes)", "ratelimit", without, with);
        for (String[] expected : EXPECTED) {
            String result = with.results.get(expected[0]);
            if (result == null || !result.contains(expected[1])) {
                failures.add(expected[0] + ": " + result);
            }
        }
        String line = String.valueOf(with.results.get("log.line"));
        for (String secret : SECRETS_LOGGED) {
            if (line.contains(secret)) {
                failures.add("log.line still holds " + secret);
            }
        }
        auditTrail(files.audit, failures);
        return failures;
    }

    private void auditTrail(File audit, List<String> failures) throws IOException {
        heading("7. Audit trail", "every decision above is an event in a hash-chained file");
        // The writer drains the queue at shutdown, so the trail is complete once the service has exited.
        int lines = audit.isFile() ? AuditChainVerifier.lineCount(audit) : 0;
        String problem = audit.isFile() ? AuditChainVerifier.firstProblem(audit) : "no audit file";
        out.println("    " + lines + " events in " + audit);
        out.println("    verify-audit: " + (problem == null ? green("hash chain intact") : red(problem)));
        if (problem != null || lines == 0) {
            failures.add("audit trail: " + (problem == null ? "empty" : problem));
            return;
        }
        out.println("    the refusals among them:");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new java.io.FileInputStream(audit),
                StandardCharsets.UTF_8))) {
            for (String event = reader.readLine(); event != null; event = reader.readLine()) {
                if (event.contains("\"outcome\":\"denied\"")) {
                    out.println(dim("      seq " + field(event, "seq") + "  " + field(event, "type") + " denied by "
                            + field(event, "rule") + ": " + shortened(field(event, "reason"), 110)));
                }
            }
        }
    }

    /** A top-level field of an audit line, read without a JSON parser: the line is ours and flat at the top. */
    private static String field(String line, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\d+))")
                .matcher(line);
        return !value.find() ? "?" : value.group(2) != null ? value.group(2).replace("\\\"", "\"") : value.group(3);
    }

    private void heading(String title, String what) {
        out.println();
        out.println(bold(title) + ": " + what);
    }

    private void step(String what, String key, Run without, Run with) {
        String before = String.valueOf(without.results.get(key));
        String after = String.valueOf(with.results.get(key));
        out.println("  " + what);
        out.println("    without the agent  " + shortened(readable(before), 200));
        String shown = "    with the agent     " + shortened(readable(after), 200);
        out.println(before.equals(after) ? shown : red(shown));
    }

    /** Exception names without their packages: what happened reads better than where the class lives. */
    private static String readable(String result) {
        return result.replace("dev.primus.bootstrap.", "").replace("java.net.", "");
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private String bold(String text) {
        return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    private String dim(String text) {
        return colour ? "\u001b[2m" + text + "\u001b[0m" : text;
    }

    private String red(String text) {
        return colour ? "\u001b[31m" + text + "\u001b[0m" : text;
    }

    private String green(String text) {
        return colour ? "\u001b[32m" + text + "\u001b[0m" : text;
    }
}
