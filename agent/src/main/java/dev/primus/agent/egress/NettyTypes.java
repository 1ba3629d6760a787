package dev.primus.agent.egress;

/**
 * Netty's own interfaces and classes behind an object the woven Netty code hands the gate, found
 * in the object's type, so that a copy of Netty another jar shades under a package of its own
 * ({@code io.grpc.netty.shaded.io.netty.channel.ChannelPromise}) is read as Netty itself is: by
 * name in the object's class loader, Netty's {@code io.netty.} would find the app's unshaded Netty,
 * or none.
 */
final class NettyTypes {
    private NettyTypes() {
    }

    /**
     * The class or interface of {@code type}'s, or {@code type} itself, named {@code nettyName}
     * ({@code io.netty.channel.ChannelPromise}) or that name after a package of a shading jar's
     * own; null when there is none.
     */
    static Class<?> find(Class<?> type, String nettyName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (isNamed(c, nettyName)) {
                return c;
            }
            Class<?> inInterfaces = findInInterfaces(c, nettyName);
            if (inInterfaces != null) {
                return inInterfaces;
            }
        }
        return null;
    }

    private static Class<?> findInInterfaces(Class<?> type, String nettyName) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (isNamed(implemented, nettyName)) {
                return implemented;
            }
            Class<?> deeper = findInInterfaces(implemented, nettyName);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** {@code io.netty.X}, or {@code prefix.io.netty.X}. */
    static boolean isNamed(String className, String nettyName) {
        int shift = className.length() - nettyName.length();
        return shift == 0 ? className.equals(nettyName)
                : shift > 0 && className.charAt(shift - 1) == '.' && className.endsWith(nettyName);
    }

    private static boolean isNamed(Class<?> type, String nettyName) {
        return isNamed(type.getName(), nettyName);
    }
}
