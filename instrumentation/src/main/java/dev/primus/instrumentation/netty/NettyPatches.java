package dev.primus.instrumentation.netty;

import dev.primus.instrumentation.boot.BootPatch;
import java.util.Collections;
import java.util.List;

/** The Netty method egress weaves. */
public final class NettyPatches {
    private NettyPatches() {
    }

    public static List<BootPatch> all() {
        return Collections.singletonList(
                BootPatch.failPromise("io/netty/bootstrap/Bootstrap", "doConnect",
                        "(Ljava/net/SocketAddress;Ljava/net/SocketAddress;Lio/netty/channel/ChannelPromise;)V", 0, 2,
                        "dev/primus/bootstrap/EgressGate", "socketDenial",
                        "(Ljava/net/SocketAddress;)Ldev/primus/bootstrap/EgressDeniedException;",
                        "failPromise", "(Ljava/lang/Object;Ljava/lang/Throwable;)V").inAnyLoader());
    }
}
