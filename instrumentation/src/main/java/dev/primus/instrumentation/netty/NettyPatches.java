package dev.primus.instrumentation.netty;

import dev.primus.instrumentation.boot.BootPatch;
import java.util.Collections;
import java.util.List;

/**
 * The Netty method egress weaves: the pipeline head's connect, where every outbound connect of
 * every channel ends whoever started it (Bootstrap, Reactor Netty's own connector), on every
 * transport.
 */
public final class NettyPatches {
    private NettyPatches() {
    }

    public static List<BootPatch> all() {
        return Collections.singletonList(
                BootPatch.failPromise("io/netty/channel/DefaultChannelPipeline$HeadContext", "connect",
                        "(Lio/netty/channel/ChannelHandlerContext;Ljava/net/SocketAddress;Ljava/net/SocketAddress;"
                                + "Lio/netty/channel/ChannelPromise;)V", 1, 3,
                        "dev/primus/bootstrap/EgressGate", "socketDenial",
                        "(Ljava/net/SocketAddress;)Ldev/primus/bootstrap/EgressDeniedException;",
                        "failPromise", "(Ljava/lang/Object;Ljava/lang/Throwable;)V").inAnyLoader());
    }
}
