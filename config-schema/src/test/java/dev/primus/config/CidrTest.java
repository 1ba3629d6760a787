package dev.primus.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
    private static byte[] v4(int a, int b, int c, int d) {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d};
    }

    @Test
    void containsAddressesInsideItsPrefixOnly() {
        Cidr block = Cidr.parse("10.1.0.0/17");
        assertTrue(block.contains(v4(10, 1, 127, 255)));
        assertFalse(block.contains(v4(10, 1, 128, 0)));
    }

    @Test
    void aBareAddressIsABlockOfOne() {
        Cidr block = Cidr.parse("169.254.169.254");
        assertTrue(block.contains(v4(169, 254, 169, 254)));
        assertFalse(block.contains(v4(169, 254, 169, 253)));
    }

    @Test
    void ipv4AndIpv6NeverMatchEachOther() {
        assertFalse(Cidr.parse("0.0.0.0/0").contains(new byte[16]));
        assertTrue(Cidr.parse("::/0").contains(new byte[16]));
    }

    @Test
    void refusesAmbiguousSpellingsInConfig() {
        assertNotNull(Cidr.problem("010.0.0.0/8"));
        assertNotNull(Cidr.problem("10.1/16"));
        assertNotNull(Cidr.problem("example.com/8"));
        assertNull(Cidr.problem("fd00:ec2::254"));
    }

    @Test
    void parsesIpv6TextByHand() {
        assertArrayEquals(new byte[] {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54},
                Ipv6Text.parse("fd00:ec2::254"));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1},
                Ipv6Text.parse("::ffff:127.0.0.1"));
        assertArrayEquals(new byte[16], Ipv6Text.parse("::"));
        assertArrayEquals(Ipv6Text.parse("0:0:0:0:0:0:0:1"), Ipv6Text.parse("::1"));
        for (String bad : new String[] {"1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::g", ":", "1.2.3.4"}) {
            assertNull(Ipv6Text.parse(bad), bad);
        }
    }
}
