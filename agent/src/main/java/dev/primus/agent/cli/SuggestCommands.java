package dev.primus.agent.cli;

import dev.primus.agent.auth.AuthRuleSuggestion;
import dev.primus.agent.egress.AllowlistSuggestion;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code suggest-allowlist} and {@code suggest-auth-rules}: a config block from an audit trail
 * written in monitor mode, the rollout step between monitor and enforce. Lines that are not
 * events of the kind asked for (the agent's own lines on stderr, other events) are skipped.
 */
final class SuggestCommands {
    /** Reads audit lines one by one. */
    private interface Reader {
        void add(String line);
    }

    private final PrintStream out;
    private final PrintStream err;

    SuggestCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int allowlist(String auditFile) {
        AllowlistSuggestion suggestion = new AllowlistSuggestion();
        if (!read(auditFile, suggestion::add)) {
            return Cli.FAILED;
        }
        out.print("# from " + suggestion.events() + " egress events in " + auditFile + "\n" + suggestion.toYaml());
        return Cli.OK;
    }

    int authRules(String auditFile) {
        AuthRuleSuggestion suggestion = new AuthRuleSuggestion();
        if (!read(auditFile, suggestion::add)) {
            return Cli.FAILED;
        }
        out.print("# from " + suggestion.events() + " auth events on " + suggestion.routes() + " routes in " + auditFile
                + "; review before use: add the auth.jwt issuers and auth.api_keys the rules name\n" + suggestion.toYaml());
        return Cli.OK;
    }

    private boolean read(String auditFile, Reader reader) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new FileInputStream(auditFile),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                reader.add(line);
            }
            return true;
        } catch (IOException e) {
            err.println("cannot read " + auditFile + ": " + e.getMessage());
            return false;
        }
    }
}
