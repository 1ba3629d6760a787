package dev.primus.instrumentation.servlet;

import dev.primus.instrumentation.weaving.Patch;
import java.util.ArrayList;
import java.util.List;

/** The request entry of each servlet container, for {@code javax.servlet} and {@code jakarta.servlet}. */
public final class ServletPatches {
    private static final String GATE = "dev/primus/bootstrap/AuthGate";
    private static final String ENTER = "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String[] APIS = {"javax/servlet", "jakarta/servlet"};

    private ServletPatches() {
    }

    public static List<Patch> all() {
        List<Patch> patches = new ArrayList<Patch>();
        for (String api : APIS) {
            // Tomcat 8.5 to 11: one chain object runs a dispatch's filters and servlet.
            patches.add(entry("org/apache/catalina/core/ApplicationFilterChain", "doFilter",
                    "(L" + api + "/ServletRequest;L" + api + "/ServletResponse;)V", 0, 1));
            // Jetty 9.4, 10 (javax) and 11 (jakarta): the handler that builds and runs the chain.
            patches.add(entry("org/eclipse/jetty/servlet/ServletHandler", "doHandle",
                    "(Ljava/lang/String;Lorg/eclipse/jetty/server/Request;L" + api + "/http/HttpServletRequest;L"
                            + api + "/http/HttpServletResponse;)V", 2, 3));
        }
        // Jetty 12: the EE 10 and 11 environments (jakarta) map a request to its servlet here...
        for (String environment : new String[] {"ee10", "ee11"}) {
            patches.add(entry("org/eclipse/jetty/" + environment + "/servlet/ServletHandler$MappedServlet", "handle",
                    "(Lorg/eclipse/jetty/" + environment + "/servlet/ServletHandler;Ljava/lang/String;"
                            + "Ljakarta/servlet/http/HttpServletRequest;Ljakarta/servlet/http/HttpServletResponse;)V", 2, 3));
        }
        // ...and the EE 8 (javax) and 9 (jakarta) ones keep Jetty 11's nested handler.
        patches.add(jetty12Nested("ee8", "javax/servlet"));
        patches.add(jetty12Nested("ee9", "jakarta/servlet"));
        // Undertow 2 (javax up to 2.2, jakarta from 2.3): the chain's first handler takes the
        // exchange, filters or not; one descriptor for both APIs.
        for (String handler : new String[] {"FilterHandler", "ServletHandler"}) {
            patches.add(Patch.guardArgument("io/undertow/servlet/handlers/" + handler, "handleRequest",
                    "(Lio/undertow/server/HttpServerExchange;)V", 0, GATE, "enterExchange",
                    "(Ljava/lang/Object;)Ljava/lang/Object;", "exitRequest").inAnyLoader());
        }
        return patches;
    }

    private static Patch jetty12Nested(String environment, String api) {
        return entry("org/eclipse/jetty/" + environment + "/servlet/ServletHandler", "doHandle",
                "(Ljava/lang/String;Lorg/eclipse/jetty/" + environment + "/nested/Request;L" + api
                        + "/http/HttpServletRequest;L" + api + "/http/HttpServletResponse;)V", 2, 3);
    }

    private static Patch entry(String className, String method, String descriptor, int request, int response) {
        return Patch.guardArgument(className, method, descriptor, request, GATE, "enterRequest", ENTER,
                "exitRequest", response).inAnyLoader();
    }
}
