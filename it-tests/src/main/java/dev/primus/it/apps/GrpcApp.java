package dev.primus.it.apps;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC client on grpc-netty-shaded, gRPC's own copy of Netty under {@code io.grpc.netty.shaded},
 * whose native epoll transport it takes by default on Linux: the connect never reaches the JDK's
 * sockets. Prints {@code TRANSPORT epoll=true|false}, then for each argument {@code HOST:PORT} one
 * {@code RESULT} line: a unary call's outcome ({@code DENIED ...} when the agent refused the
 * connect, found in the status's cause chain; otherwise the status, since the servers the test
 * runs speak no HTTP/2).
 */
public final class GrpcApp {
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<byte[]>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            return new byte[0];
        }
    };
    private static final MethodDescriptor<byte[], byte[]> ECHO = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("probe.Echo/Call")
            .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

    private GrpcApp() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> epoll = Class.forName("io.grpc.netty.shaded.io.netty.channel.epoll.Epoll");
        System.out.println("TRANSPORT epoll=" + epoll.getMethod("isAvailable").invoke(null));
        for (String target : args) {
            String[] hostAndPort = target.split(":");
            ManagedChannel channel = Grpc.newChannelBuilderForAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1]),
                    InsecureChannelCredentials.create()).build();
            try {
                System.out.println("RESULT " + call(channel));
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String call(ManagedChannel channel) throws Exception {
        final CompletableFuture<Status> closed = new CompletableFuture<Status>();
        ClientCall<byte[], byte[]> call = channel.newCall(ECHO, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS));
        call.start(new ClientCall.Listener<byte[]>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.sendMessage(new byte[] {1});
        call.halfClose();
        Status status = closed.get(10, TimeUnit.SECONDS);
        return status.getCause() != null ? Outcomes.describe(status.asRuntimeException()) : "STATUS " + status.getCode();
    }
}
