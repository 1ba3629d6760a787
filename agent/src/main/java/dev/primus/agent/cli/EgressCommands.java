package dev.primus.agent.cli;

import dev.primus.agent.egress.AllowlistSuggestion;
import dev.primus.agent.egress.Destination;
import dev.primus.agent.egress.EgressDecision;
import dev.primus.agent.egress.EgressPolicy;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Environment;
import dev.primus.config.LoadResult;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code check-egress} and {@code suggest-allowlist}: the egress policy from the command line. */
final class EgressCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final Environment environment;

    EgressCommands(PrintStream out, PrintStream err, Environment environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int check(String configFile, String target) {
        LoadResult result = new ConfigLoader(environment).load(new File(configFile));
        if (!result.isValid()) {
            for (ConfigError error : result.errors()) {
                err.println(error);
            }
            return Cli.FAILED;
        }
        Destination destination = Destination.parse(target);
        if (destination == null) {
            err.println("'" + target + "' is neither a URL (scheme://host/path) nor HOST:PORT");
            return Cli.USAGE;
        }
        EgressDecision decision = new EgressPolicy(result.config().egress()).decide(destination);
        out.println((decision.allowed() ? "allow " : "deny ") + destination.describe() + " by " + decision.rule() + ": "
                + decision.reason() + " (egress mode " + result.config().egress().mode().word() + ")");
        return decision.allowed() ? Cli.OK : Cli.PROBLEMS_FOUND;
    }

    int suggest(String auditFile) {
        AllowlistSuggestion suggestion = new AllowlistSuggestion();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new FileInputStream(auditFile),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                suggestion.add(line);
            }
        } catch (IOException e) {
            err.println("cannot read " + auditFile + ": " + e.getMessage());
            return Cli.FAILED;
        }
        out.print("# from " + suggestion.events() + " egress events in " + auditFile + "\n" + suggestion.toYaml());
        return Cli.OK;
    }
}
