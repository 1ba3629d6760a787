package dev.primus.agent.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NettyTypesTest {
    @Test
    void nettysOwnNameOrThatNameUnderAShadingJarsPackageIsNettys() {
        assertTrue(NettyTypes.isNamed("io.netty.channel.ChannelPromise", "io.netty.channel.ChannelPromise"));
        assertTrue(NettyTypes.isNamed("io.grpc.netty.shaded.io.netty.channel.ChannelPromise",
                "io.netty.channel.ChannelPromise"));
        assertFalse(NettyTypes.isNamed("com.acme.MyChannelPromise", "io.netty.channel.ChannelPromise"));
        assertFalse(NettyTypes.isNamed("xio.netty.channel.ChannelPromise", "io.netty.channel.ChannelPromise"));
        assertFalse(NettyTypes.isNamed("io.netty.channel", "io.netty.channel.ChannelPromise"));
    }

    @Test
    void theTypeIsFoundAmongSuperclassesAndTheInterfacesTheyExtend() {
        assertEquals(java.util.Collection.class, NettyTypes.find(java.util.ArrayList.class, "java.util.Collection"));
        assertEquals(java.util.AbstractList.class, NettyTypes.find(java.util.ArrayList.class, "java.util.AbstractList"));
        assertNull(NettyTypes.find(java.util.ArrayList.class, "io.netty.channel.ChannelPromise"));
    }
}
