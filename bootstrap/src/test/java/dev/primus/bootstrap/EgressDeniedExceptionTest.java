package dev.primus.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class EgressDeniedExceptionTest {
    @Test
    void isAConnectExceptionWhoseMessageNamesDestinationRuleAndFile() {
        EgressDeniedException denied = new EgressDeniedException("127.0.0.3:8080", "egress.default (deny)",
                "/etc/primus/primus.yaml");
        assertTrue(denied instanceof ConnectException);
        assertEquals("connection to 127.0.0.3:8080 denied by egress.default (deny); "
                + "allow it in /etc/primus/primus.yaml under egress.allow", denied.getMessage());
        assertEquals("egress.default (deny)", denied.rule());
    }
}
