package dev.primus.agent.egress;

/**
 * The {@code caller} of an audit event: the first stack frame that belongs to the app, not to
 * the JDK, the agent, or the HTTP or database client library that made the connection. Walks
 * the stack, so it is called only for events that are written, never per connection.
 */
final class Callers {
    private static final String[] LIBRARY_PREFIXES = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.",
        "dev.primus.agent.", "dev.primus.bootstrap.", "dev.primus.config.", "dev.primus.instrumentation.", "dev.primus.shaded.",
        "okhttp3.", "okio.", "org.apache.http.", "org.apache.hc.", "io.netty.", "io.grpc.", "reactor.netty.", "reactor.core.",
        "org.springframework.web.client.", "org.springframework.web.reactive.function.client.",
        "org.springframework.http.client.", "org.postgresql.", "com.mysql.", "org.mariadb.", "kotlin.",
        "kotlinx.coroutines.", "net.bytebuddy.",
    };

    private static final String SHADED_NETTY = ".io.netty.";

    private Callers() {
    }

    static String firstAppFrame() {
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            if (!isLibrary(frame.getClassName())) {
                return frame.toString();
            }
        }
        return null;
    }

    static boolean isLibrary(String className) {
        for (String prefix : LIBRARY_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return className.contains(SHADED_NETTY); // a jar's copy of Netty: gRPC's io.grpc.netty.shaded.io.netty.
    }
}
