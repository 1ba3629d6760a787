package dev.primus.agent.boot;

import dev.primus.config.ConfigNode;
import dev.primus.config.PrimusConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reloaded file changed, said the way a {@code config} audit event may say it: sections,
 * modes and how many rules of each kind, never a value (a host, a key, a secret). Sections are
 * compared after substitution, so a {@code ${file:...}} secret that changed under an unchanged
 * file counts as a change of its section.
 */
final class PolicyChanges {
    /** Top-level keys that only a start reads: the audit sinks, the metrics port, the service name. */
    private static final String[] START_ONLY = {"service", "audit", "metrics", "on_config_error"};

    private PolicyChanges() {
    }

    /** One line per changed section; empty when the two say the same. */
    static List<String> between(PrimusConfig before, PrimusConfig after) {
        List<String> changes = new ArrayList<String>();
        ConfigNode was = before.root();
        ConfigNode now = after.root();
        boolean modeChanged = !ConfigNode.sameContent(was.get("mode"), now.get("mode"));
        if (modeChanged || !ConfigNode.sameContent(was.get("egress"), now.get("egress"))) {
            changes.add(section("egress", before.egress().mode().word(), after.egress().mode().word(),
                    count(was, now, "egress", "allow"), count(was, now, "egress", "deny")));
        }
        if (modeChanged || !ConfigNode.sameContent(was.get("logging"), now.get("logging"))) {
            changes.add(section("logging", before.masking().mode().word(), after.masking().mode().word(),
                    "detectors " + before.masking().detectors().size() + " -> " + after.masking().detectors().size(),
                    "custom " + before.masking().custom().size() + " -> " + after.masking().custom().size()));
        }
        if (modeChanged || !ConfigNode.sameContent(was.get("auth"), now.get("auth"))) {
            changes.add(section("auth", before.auth().mode().word(), after.auth().mode().word(),
                    count(was, now, "auth", "rules"), count(was, now, "auth", "jwt"), count(was, now, "auth", "webhooks"),
                    count(was, now, "auth", "rate_limits"), apiKeys(was, now)));
        }
        for (String key : START_ONLY) {
            if (!ConfigNode.sameContent(was.get(key), now.get(key))) {
                changes.add(key);
            }
        }
        return changes;
    }

    /** The sections that differ from the file the agent started with and that only a start reads. */
    static List<String> startOnly(PrimusConfig started, PrimusConfig now) {
        List<String> sections = new ArrayList<String>();
        for (String key : START_ONLY) {
            if (!ConfigNode.sameContent(started.root().get(key), now.root().get(key))) {
                sections.add(key);
            }
        }
        return sections;
    }

    private static String section(String name, String modeBefore, String modeAfter, String... counts) {
        StringBuilder line = new StringBuilder(name).append(": mode ").append(modeBefore);
        if (!modeBefore.equals(modeAfter)) {
            line.append(" -> ").append(modeAfter);
        }
        for (String count : counts) {
            line.append(", ").append(count);
        }
        return line.toString();
    }

    private static String count(ConfigNode was, ConfigNode now, String section, String list) {
        return list + " " + ConfigNode.itemsAt(was.get(section), list).size() + " -> "
                + ConfigNode.itemsAt(now.get(section), list).size();
    }

    /** API keys may be a list or a file of hashes: only whether the entry changed is said. */
    private static String apiKeys(ConfigNode was, ConfigNode now) {
        ConfigNode before = was.get("auth") == null ? null : was.get("auth").get("api_keys");
        ConfigNode after = now.get("auth") == null ? null : now.get("auth").get("api_keys");
        return "api_keys " + (ConfigNode.sameContent(before, after) ? "unchanged" : "changed");
    }
}
