package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressDetectorTest {
    private final Masker masker = Masker.builder().detectors("ip_address").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "10.0.0.1", "192.168.1.254", "255.255.255.255", "0.0.0.0",
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::1", "fe80::1", "::1", "::ffff:192.0.2.1", "FE80::A",
    })
    void masksIpv4AndIpv6Addresses(String ip) {
        assertEquals("from [IP_ADDRESS] ok", masker.mask("from " + ip + " ok"));
    }

    @Test
    void masksTheAddressAndKeepsThePort() {
        assertEquals("connect [IP_ADDRESS]:8080", masker.mask("connect 10.0.0.1:8080"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1.2.3.4.5", "v1.2.3.4", "256.1.1.1", "01.2.3.4", "1.2.3", "10:15:30", "00:1a:2b:3c:4d:5e", "1:2:3:4:5:6:7",
        "2001:db8::1::2", "std::vector",
    })
    void leavesThingsThatAreNotAddressesAlone(String text) {
        assertEquals("from " + text + " ok", masker.mask("from " + text + " ok"));
    }

    @Test
    void isNotInTheDefaultSet() {
        assertEquals("from 10.0.0.1", Masker.builder().build().mask("from 10.0.0.1"));
    }
}
