package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** A name is believed only for the addresses a watched resolver gave for it. */
class ResolvedNamesTest {
    private final ResolvedNames names = new ResolvedNames(PolicyFixture.TRUSTING);

    private static byte[] ip(int last) {
        return new byte[] {127, 0, 0, (byte) last};
    }

    @Test
    void aJdkAnswerVouchesForItsAddressesUnderTheNameAsNormalised() throws Exception {
        names.recordJdk("API.Example.", new InetAddress[] {InetAddress.getByAddress(ip(2)), InetAddress.getByAddress(ip(4))});
        assertTrue(names.vouches("api.example", ip(2)));
        assertTrue(names.vouches("api.example.", ip(4)));
        assertFalse(names.vouches("api.example", ip(3)), "an address the resolver never gave");
        assertFalse(names.vouches("other.example", ip(2)), "another name");
    }

    /** Not from a woven JDK or Netty method: a public bridge method called by the app to vouch for a name. */
    @Test
    void anAnswerHandedOverByCodeOtherThanAWatchedResolverVouchesForNothing() throws Exception {
        ResolvedNames checked = new ResolvedNames();
        checked.recordJdk("allowed.example", new InetAddress[] {InetAddress.getByAddress(ip(3))});
        checked.recordNetty(InetAddress.getByAddress("allowed.example", ip(3)));
        assertFalse(checked.vouches("allowed.example", ip(3)));
        assertFalse(checked.mayVouchFor(ip(3)));
    }

    /**
     * The JDK took a resolver the app supplies (its class is no boot loader's), whatever the services
     * file the first answer's thread can see says: the JDK's answers vouch for nothing from then on.
     */
    @Test
    void aResolverTheAppSuppliesSeenInUseMakesTheJdksAnswersVouchForNothing() throws Exception {
        names.resolverInUse("the JDK's own: a class of the boot loader's");
        names.recordJdk("one.example", new InetAddress[] {InetAddress.getByAddress(ip(5))});
        assertTrue(names.vouches("one.example", ip(5)));
        names.resolverInUse(new Object() { });
        names.recordJdk("allowed.example", new InetAddress[] {InetAddress.getByAddress(ip(3))});
        assertFalse(names.vouches("allowed.example", ip(3)));
    }

    @Test
    void aNameOnAnAddressNoResolverGaveVouchesForNothing() throws Exception {
        InetAddress forged = InetAddress.getByAddress("allowed.example", ip(3));
        assertFalse(names.vouches("allowed.example", forged.getAddress()));
    }

    @Test
    void nettyAnswersVouchUnderTheNameTheyCarry() throws Exception {
        names.recordNetty(InetAddress.getByAddress("svc.internal", ip(7)));
        assertTrue(names.vouches("svc.internal", ip(7)));
        names.recordNetty(InetAddress.getByAddress(ip(8))); // no name: nothing to record
        assertFalse(names.vouches("127.0.0.8", ip(8)));
    }

    /** JDK 18+ asks an InetAddressResolverProvider the app ships instead of resolving: its answers are the app's say-so. */
    @Test
    void theJdksAnswersVouchForNothingWhenTheAppSuppliesItsResolver() throws Exception {
        java.net.URL provider = new java.net.URL("file:/app/META-INF/services/java.net.spi.InetAddressResolverProvider");
        ResolvedNames withAppResolver = new ResolvedNames(PolicyFixture.trusting(provider));
        withAppResolver.recordJdk("allowed.example", new InetAddress[] {InetAddress.getByAddress(ip(2))});
        assertFalse(withAppResolver.vouches("allowed.example", ip(2)));
        assertFalse(withAppResolver.mayVouchFor(ip(2)));
        withAppResolver.recordNetty(InetAddress.getByAddress("netty.example", ip(3)));
        assertTrue(withAppResolver.vouches("netty.example", ip(3)), "Netty's own resolver is watched apart");
    }

    @Test
    void aLiteralLookupRecordsNoName() throws Exception {
        names.recordJdk("127.0.0.9", new InetAddress[] {InetAddress.getByAddress(ip(9))});
        assertFalse(names.vouches("127.0.0.9", ip(9)));
    }

    @Test
    void noNameMayVouchForAnAddressNoAnswerEverGave() throws Exception {
        assertFalse(names.mayVouchFor(ip(2)));
        names.recordJdk("api.example", new InetAddress[] {InetAddress.getByAddress(ip(2))});
        assertTrue(names.mayVouchFor(ip(2)));
        names.recordJdk("api.example", new InetAddress[] {InetAddress.getByAddress(ip(3))});
        assertTrue(names.mayVouchFor(ip(2)), "an address stays marked when the name's answer changes");
    }

    @Test
    void earlierAnswersStayVouchedForUpToTheBound() throws Exception {
        for (int i = 1; i <= ResolvedNames.MAX_ADDRESSES + 5; i++) {
            names.recordJdk("rr.example", new InetAddress[] {InetAddress.getByAddress(ip(i))});
        }
        assertTrue(names.vouches("rr.example", ip(ResolvedNames.MAX_ADDRESSES + 5)), "the newest");
        assertTrue(names.vouches("rr.example", ip(6)), "the oldest kept");
        assertFalse(names.vouches("rr.example", ip(5)), "past the bound");
    }
}
