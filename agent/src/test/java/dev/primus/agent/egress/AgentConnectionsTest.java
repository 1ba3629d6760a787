package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentConnectionsTest {
    private static final byte[] COLLECTOR = {10, 0, 0, 7};
    private static final byte[] ELSEWHERE = {10, 0, 0, 8};

    /**
     * Code in the app that runs on a sink's thread (a JVM-wide CookieHandler its HTTP client asks)
     * names any address after the collector: only an address the JDK's resolver gave for the name counts.
     */
    @Test
    void aSinksThreadReachesItsCollectorsResolvedAddressAndLiteralOnly() throws Exception {
        ResolvedNames names = new ResolvedNames(PolicyFixture.TRUSTING);
        names.recordJdk("collector.example", new InetAddress[] {InetAddress.getByAddress("collector.example", COLLECTOR)});
        List<Boolean> allowed = new ArrayList<>();
        Thread sink = AgentConnections.threads("test-sink", new AgentConnections.Endpoint("collector.example", 443),
                new AgentConnections.Endpoint("10.0.0.9", 4222)).newThread(() -> {
                    try {
                        allowed.add(AgentConnections.allowsConnect(at("collector.example", COLLECTOR, 443), names));
                        allowed.add(AgentConnections.allowsConnect(at("collector.example", ELSEWHERE, 443), names));
                        allowed.add(AgentConnections.allowsConnect(at("collector.example", COLLECTOR, 8443), names));
                        allowed.add(AgentConnections.allowsConnect(at("10.0.0.9", new byte[] {10, 0, 0, 9}, 4222), names));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        sink.start();
        sink.join();
        assertEquals(List.of(true, false, false, true), allowed);
        assertEquals(false, AgentConnections.allowsConnect(at("collector.example", COLLECTOR, 443), names),
                "not from the app's own thread");
    }

    private static InetSocketAddress at(String name, byte[] address, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByAddress(name, address), port);
    }
}
