package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which executables egress.processes lets start. */
class ProcessPolicyTest {
    private static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    @Test
    void auditLetsEveryExecutableStart() {
        assertTrue(new ProcessPolicy(null, PATH).decide("/tmp/anything").allowed());
    }

    @Test
    void denyLetsNoneStart() {
        EgressDecision decision = new ProcessPolicy(List.of(), PATH).decide("/usr/bin/git");
        assertFalse(decision.allowed());
        assertEquals("egress.processes is deny", decision.reason());
    }

    @Test
    void anEntryWithASlashNamesOneFileExactly() {
        ProcessPolicy policy = new ProcessPolicy(List.of("/usr/bin/git"), PATH);
        assertTrue(policy.decide("/usr/bin/git").allowed());
        assertEquals("egress.processes[0]", policy.decide("/usr/bin/git").rule());
        assertFalse(policy.decide("git").allowed(), "a bare name could be found anywhere on the PATH");
        assertFalse(policy.decide("/tmp/usr/bin/git").allowed());
    }

    @Test
    void aBareNameMatchesItselfAndTheSameNameInAFolderOfThePath() {
        ProcessPolicy policy = new ProcessPolicy(List.of("curl"), PATH);
        assertTrue(policy.decide("curl").allowed());
        assertTrue(policy.decide("/usr/bin/curl").allowed());
        assertFalse(policy.decide("/tmp/evil/curl").allowed(), "a folder not on the PATH");
        assertFalse(policy.decide("/usr/bin/curl2").allowed());
    }
}
