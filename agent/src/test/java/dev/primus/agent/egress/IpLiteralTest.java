package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpLiteralTest {
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "2130706433", "0x7f000001", "0X7F000001", "0177.0.0.1", "0177.0.0.01", "127.1",
            "127.0.1", "0x7f.1", "0x7f.0.0.1", "127.0.0.1.", "::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "::ffff:7f00:1",
            "::127.0.0.1", "[::127.0.0.1]", "0:0:0:0:0:ffff:7f00:0001"})
    void everySpellingOfLoopbackIsLoopback(String spelling) {
        assertArrayEquals(LOOPBACK, IpLiteral.parse(spelling), spelling);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.example.com", "127.0.0.1.example.com", "0x7g.0.0.1", "1.2.3.4.5", "256.0.0.1",
            "1.2.3.256", "127.16777216", "", "1..2.3", "08.0.0.1", "[::1", "::g", "localhost", "1e100.net",
            "4294967296"})
    void namesAndMalformedNumbersAreNotLiterals(String text) {
        assertNull(IpLiteral.parse(text), text);
    }

    @Test
    void ipv6KeepsItsSixteenBytesAndDropsTheZone() {
        assertEquals(16, IpLiteral.parse("fd00:ec2::254").length);
        assertArrayEquals(IpLiteral.parse("fe80::1"), IpLiteral.parse("fe80::1%eth0"));
        assertArrayEquals(IpLiteral.parse("::1"), IpLiteral.parse("[::1]"));
        assertEquals(16, IpLiteral.parse("::1").length, "::1 is IPv6 loopback, not wrapped IPv4");
    }

    @Test
    void formatsCanonically() {
        assertEquals("169.254.169.254", IpLiteral.format(IpLiteral.parse("0xa9fea9fe")));
    }

    @Test
    void neverThrowsOnAnyInput() {
        Random random = new Random(42);
        String alphabet = "0123456789abcdefxX.:[]%-zg ";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            IpLiteral.parse(text.toString());
        }
    }
}
