package dev.primus.instrumentation.accesslog;

import dev.primus.instrumentation.LogMaskingGetters;
import dev.primus.instrumentation.weaving.Patch;
import java.util.Arrays;
import java.util.List;

/**
 * Where the servlet containers' access logs, and logback-access's, make or take a line to write,
 * or, for a JSON encoder, the request's parts it writes apart, which log masking weaves.
 */
public final class AccessLogPatches {
    private static final String GATE = LogMaskingGetters.GATE;
    private static final String LINE = "(Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String TEXT = "(Ljava/lang/String;)Ljava/lang/String;";
    private static final String EVENT = "ch/qos/logback/access/spi/AccessEvent";
    private static final String COMMON_EVENT = "ch/qos/logback/access/common/spi/AccessEvent";

    private AccessLogPatches() {
    }

    public static List<Patch> all() {
        return Arrays.asList(
                // Tomcat 8.5 to 11 (and Spring Boot's embedded one): the line as AccessLogValve built it.
                Patch.checkArgument("org/apache/catalina/valves/AccessLogValve", "log", "(Ljava/io/CharArrayWriter;)V", 0,
                        GATE, "accessLogWriter", "(Ljava/lang/Object;)V").inAnyLoader(),
                // Jetty 9.4 to 12: CustomRequestLog's and NCSARequestLog's writer, AsyncRequestLogWriter's thread too.
                Patch.guardArgument("org/eclipse/jetty/server/RequestLogWriter", "write", "(Ljava/lang/String;)V", 0,
                        GATE, "accessLogLine", LINE, null).inAnyLoader(),
                // Undertow 2: AccessLogHandler's file receiver, which queues the line for its writer.
                Patch.guardArgument("io/undertow/server/handlers/accesslog/DefaultAccessLogReceiver", "logMessage",
                        "(Ljava/lang/String;)V", 0, GATE, "accessLogLine", LINE, null).inAnyLoader(),
                // logback-access (Tomcat's LogbackValve, Jetty's RequestLogImpl, Dropwizard's request log):
                // the line its PatternLayout made, its line break kept (1.2, then 2.x's own package).
                Patch.filterReturn("ch/qos/logback/access/PatternLayout", "doLayout",
                        "(Lch/qos/logback/access/spi/IAccessEvent;)Ljava/lang/String;", GATE, "message", TEXT).inAnyLoader(),
                Patch.filterReturn("ch/qos/logback/access/common/PatternLayout", "doLayout",
                        "(Lch/qos/logback/access/common/spi/IAccessEvent;)Ljava/lang/String;", GATE, "message", TEXT)
                        .inAnyLoader(),
                // logback-access's event read apart, as a JSON encoder writes it (logstash-logback-encoder's
                // LogstashAccessEncoder: "message", "requested_url", "request_headers"), 1.2 and 2.x.
                LogMaskingGetters.message(EVENT, "getRequestURL"), LogMaskingGetters.message(EVENT, "getQueryString"),
                // Each header's value judged with its name: Authorization keeps its scheme, its credential masked.
                LogMaskingGetters.mapValues(EVENT, "getRequestHeaderMap"),
                LogMaskingGetters.message(COMMON_EVENT, "getRequestURL"),
                LogMaskingGetters.message(COMMON_EVENT, "getQueryString"),
                LogMaskingGetters.mapValues(COMMON_EVENT, "getRequestHeaderMap"));
    }
}
