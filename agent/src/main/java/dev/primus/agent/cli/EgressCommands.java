package dev.primus.agent.cli;

import dev.primus.agent.egress.Destination;
import dev.primus.agent.egress.EgressDecision;
import dev.primus.agent.egress.EgressPolicy;
import dev.primus.agent.egress.IpLiteral;
import dev.primus.config.ConfigError;
import dev.primus.config.ConfigLoader;
import dev.primus.config.Environment;
import dev.primus.config.LoadResult;
import java.io.File;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** {@code check-egress}: the egress policy from the command line, deciding as the running agent does. */
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
        EgressPolicy policy = new EgressPolicy(result.config().egress());
        List<InetAddress> addresses = resolve(destination.host());
        EgressDecision byName = policy.decide(destination);
        EgressDecision verdict = asTheAgentDecides(policy, destination, byName, addresses);
        out.println(verdictLine(verdict) + " " + destination.describe() + " by " + verdict.rule() + ": " + verdict.reason()
                + " (egress mode " + result.config().egress().mode().word() + ")");
        out.println("  by name" + (destination.scheme() != null ? " (HTTP clients judge the URL before they connect)" : "")
                + ": " + verdictLine(byName) + " by " + byName.rule() + ": " + byName.reason());
        if (addresses.isEmpty()) {
            out.println("  by address: " + destination.host() + " does not resolve here; a connect would fail before any check");
        }
        for (int i = 0; i < addresses.size(); i++) {
            EgressDecision byAddress = policy.decide(Destination.socket(destination.host(), addresses.get(i).getAddress(),
                    destination.port()));
            out.println("  by address " + IpLiteral.format(addresses.get(i).getAddress())
                    + (i == 0 ? " (the one Java connects to first)" : "") + ": " + verdictLine(byAddress) + " by "
                    + byAddress.rule() + ": " + byAddress.reason());
        }
        return verdict.allowed() ? Cli.OK : Cli.PROBLEMS_FOUND;
    }

    /**
     * What the running agent decides, as {@code EgressJudge} does: an HTTP client's request is
     * judged by its URL, and the socket it opens then only by the deny rules for the address; a
     * socket to {@code HOST:PORT} by the name with the address Java resolves it to first.
     */
    private static EgressDecision asTheAgentDecides(EgressPolicy policy, Destination destination, EgressDecision byName,
                                                    List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return byName;
        }
        byte[] first = addresses.get(0).getAddress();
        if (destination.scheme() != null) {
            EgressDecision deniedAddress = byName.allowed() ? policy.denyForAddress(first, destination.port()) : null;
            return deniedAddress != null ? deniedAddress : byName;
        }
        return policy.decide(Destination.socket(destination.host(), first, destination.port()));
    }

    /** The host's addresses in the order Java connects to them; empty when it does not resolve. */
    private static List<InetAddress> resolve(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException unresolved) {
            return Collections.emptyList();
        }
    }

    private static String verdictLine(EgressDecision decision) {
        return decision.allowed() ? "allow" : "deny";
    }
}
