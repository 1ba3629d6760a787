package dev.primus.agent.egress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Reads a socket's address the way the judge needs it, without what the JDK allocates for each
 * call: {@code InetAddress.getAddress()} copies the bytes, and {@code getHostString()} formats the
 * literal anew when the address carries no name. One per thread, so what it hands out is valid
 * until the thread's next check, and must be copied to be kept.
 */
final class SocketAddressReader {
    /**
     * {@code Inet4Address.hashCode()} is the address itself, in every JDK from 8 to 25; checked
     * once, and where it is not, the bytes are copied as before.
     */
    private static final boolean IPV4_HASH_IS_ADDRESS = ipv4HashIsAddress();

    private final byte[] ipv4 = new byte[4];
    /** The last other address object read (IPv6), and its bytes: an address object never changes them. */
    private InetAddress copied;
    private byte[] copiedBytes;
    /** The last address object whose host string was a literal, and that literal. */
    private InetAddress literalOwner;
    private String literalHost;
    /** The last address formatted for a name no resolver vouched for, and its text. */
    private byte[] formatted;
    private String formattedText;

    /**
     * The bytes of {@code address}, an IPv4 address written as IPv6 as the IPv4 address it carries:
     * this reader's own buffer, or a copy it keeps for that object.
     */
    byte[] bytes(InetAddress address) {
        if (IPV4_HASH_IS_ADDRESS && address instanceof Inet4Address) {
            int value = address.hashCode();
            ipv4[0] = (byte) (value >>> 24);
            ipv4[1] = (byte) (value >>> 16);
            ipv4[2] = (byte) (value >>> 8);
            ipv4[3] = (byte) value;
            return ipv4;
        }
        if (address != copied) {
            // An Inet6Address made from a mapped address (Inet6Address.getByAddress(null, ::ffff:a.b.c.d, -1))
            // stays IPv6 in Java, while a dual-stack socket connects it to the IPv4 address it carries:
            // judged as that address, as a written ::ffff:a.b.c.d is, so IPv4 rules and the metadata guard hold.
            byte[] bytes = address.getAddress();
            copiedBytes = bytes.length == 16 ? IpLiteral.unwrapIpv4(bytes) : bytes;
            copied = address;
        }
        return copiedBytes;
    }

    /**
     * What {@code inet.getHostString()} returns. When {@code address} is the object this reader
     * last read a literal for, and {@code literalMayStand}, that literal again: an address object
     * that carried no name can only have been given one since by a reverse lookup
     * ({@code getHostName()}), and the caller says whether such a name could count.
     */
    String hostString(InetSocketAddress inet, InetAddress address, boolean literalMayStand) {
        if (literalMayStand && address != null && address == literalOwner) {
            return literalHost;
        }
        String host = inet.getHostString();
        if (address != null && IpLiteral.mayBeLiteral(host)) {
            literalOwner = address;
            literalHost = host;
        }
        return host;
    }

    /** {@link IpLiteral#format} of {@code address}, formatted again only for another address. */
    String literal(byte[] address) {
        if (!Arrays.equals(address, formatted)) {
            formattedText = IpLiteral.format(address);
            formatted = address.clone();
        }
        return formattedText;
    }

    private static boolean ipv4HashIsAddress() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}).hashCode() == 0xC0000201
                    && InetAddress.getByAddress(new byte[] {10, (byte) 200, 3, 4}).hashCode() == 0x0AC80304;
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }
}
