package dev.primus.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules in {@code docs/alerts}: promtool accepts them and their unit tests pass, every
 * rule has a case that fires it and one that does not, and they name only metrics and labels the
 * agent exports, so a renamed metric cannot leave an alert that silently never fires.
 */
class AlertRulesTest {
    private static final Pattern METRIC = Pattern.compile("\\bprimus_[a-z_]+");
    private static final Pattern BY = Pattern.compile("\\bby \\(([^)]*)\\)");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");
    /** Prometheus adds these to every scraped series. */
    private static final Set<String> TARGET_LABELS = new HashSet<String>(Arrays.asList("job", "instance"));

    @TempDir
    File temp;

    /** The repository's docs/alerts: {@code ../docs} from the agent module, where Maven runs tests. */
    private static File alerts() {
        for (String candidate : new String[] {"../docs/alerts", "docs/alerts"}) {
            File folder = new File(candidate);
            if (new File(folder, "primus-alerts.yml").isFile()) {
                return folder;
            }
        }
        throw new AssertionError("no docs/alerts/primus-alerts.yml from " + new File("").getAbsolutePath());
    }

    private static File rules() {
        return new File(alerts(), "primus-alerts.yml");
    }

    private static File unitTests() {
        return new File(alerts(), "primus-alerts.test.yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(File file) throws Exception {
        return (Map<String, Object>) new Yaml().load(new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8));
    }

    /** Alert name to its expression. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> alertExpressions() throws Exception {
        Map<String, String> alerts = new HashMap<String, String>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(rules()).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return alerts;
    }

    /** Each sample name the agent writes, with its label names; every family has a sample in {@link PopulatedMetrics}. */
    private static Map<String, Set<String>> exportedLabels() {
        Map<String, Set<String>> labels = new HashMap<String, Set<String>>();
        for (FamilySnapshot family : PopulatedMetrics.create().registry().scrape()) {
            for (Sample sample : family.samples()) {
                labels.put(sample.name(), new HashSet<String>(Arrays.asList(sample.labelNames())));
            }
        }
        return labels;
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Promtool check = Promtool.run(null, "check", "rules", rules().getPath());
        assertEquals(0, check.exitCode, check.toString());
        assertTrue(check.output.contains("SUCCESS: " + alertExpressions().size() + " rules found"), check.output);
    }

    @Test
    void promtoolsUnitTestsOfTheRulesPass() throws Exception {
        Promtool test = Promtool.run(null, "test", "rules", unitTests().getPath());
        assertEquals(0, test.exitCode, test.toString());
        assertTrue(test.output.contains("SUCCESS"), test.output);
    }

    @Test
    void promtoolFailsAUnitTestThatExpectsTheWrongThing() throws Exception {
        for (File file : alerts().listFiles()) {
            Files.copy(file.toPath(), new File(temp, file.getName()).toPath());
        }
        File wrong = new File(temp, "primus-alerts.test.yml");
        String tests = new String(Files.readAllBytes(wrong.toPath()), StandardCharsets.UTF_8);
        // The kill switch released at 13m: expecting it still engaged must fail.
        String released = "      - eval_time: 13m\n        alertname: PrimusKillSwitchEngaged\n        exp_alerts: []\n";
        assertTrue(tests.contains(released));
        Files.write(wrong.toPath(), tests.replace(released, released.replace("13m", "8m")).getBytes(StandardCharsets.UTF_8));
        Promtool test = Promtool.run(null, "test", "rules", wrong.getPath());
        assertNotEquals(0, test.exitCode, test.toString());
        assertTrue(test.output.contains("PrimusKillSwitchEngaged"), test.output);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleHasACaseThatFiresItAndOneThatDoesNot() throws Exception {
        Set<String> fired = new HashSet<String>();
        Set<String> quiet = new HashSet<String>();
        for (Map<String, Object> test : (List<Map<String, Object>>) yaml(unitTests()).get("tests")) {
            for (Map<String, Object> alertTest : (List<Map<String, Object>>) test.get("alert_rule_test")) {
                List<Object> expected = (List<Object>) alertTest.get("exp_alerts");
                (expected == null || expected.isEmpty() ? quiet : fired).add((String) alertTest.get("alertname"));
            }
        }
        Set<String> alerts = alertExpressions().keySet();
        assertEquals(10, alerts.size(), "the ten alerts docs/alerts.md describes");
        assertEquals(alerts, fired, "rules with a case that fires them");
        assertEquals(alerts, quiet, "rules with a case that does not fire them");
    }

    @Test
    void theRulesNameOnlyMetricsAndLabelsTheAgentExports() throws Exception {
        Map<String, Set<String>> exported = exportedLabels();
        for (Map.Entry<String, String> alert : alertExpressions().entrySet()) {
            String expr = alert.getValue();
            Set<String> labels = new HashSet<String>(TARGET_LABELS);
            Matcher metric = METRIC.matcher(expr);
            boolean any = false;
            while (metric.find()) {
                any = true;
                assertTrue(exported.containsKey(metric.group()), alert.getKey() + " uses " + metric.group()
                        + ", which the agent does not export (AgentMetrics.NAMES: " + AgentMetrics.NAMES + ")");
                labels.addAll(exported.get(metric.group()));
            }
            assertTrue(any, alert.getKey() + " names no primus_ metric");
            for (String used : labelsUsed(expr)) {
                assertTrue(labels.contains(used), alert.getKey() + " uses label " + used + ", which its metrics do not have");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUnitTestsFeedOnlySeriesTheAgentCouldWrite() throws Exception {
        Map<String, Set<String>> exported = exportedLabels();
        List<String> series = new ArrayList<String>();
        for (Map<String, Object> test : (List<Map<String, Object>>) yaml(unitTests()).get("tests")) {
            for (Map<String, Object> input : (List<Map<String, Object>>) test.get("input_series")) {
                series.add((String) input.get("series"));
            }
        }
        assertFalse(series.isEmpty());
        for (String one : series) {
            String name = one.substring(0, one.indexOf('{'));
            assertTrue(AgentMetrics.NAMES.contains(name) && exported.containsKey(name), one + ": not a family the agent exports");
            Set<String> labels = new HashSet<String>(TARGET_LABELS);
            labels.addAll(exported.get(name));
            Matcher matcher = MATCHER.matcher(one);
            Set<String> given = new HashSet<String>();
            while (matcher.find()) {
                given.add(matcher.group(1));
            }
            assertEquals(labels, given, one + ": labels differ from what the agent writes");
        }
    }

    private static Set<String> labelsUsed(String expr) {
        Set<String> used = new LinkedHashSet<String>();
        Matcher by = BY.matcher(expr);
        while (by.find()) {
            for (String label : by.group(1).split(",")) {
                used.add(label.trim());
            }
        }
        Matcher matcher = MATCHER.matcher(expr);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        return used;
    }
}
