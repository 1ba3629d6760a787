package dev.primus.agent.audit;

import java.util.Locale;
import java.util.Map;

/**
 * Encodes an event as one OCSF 1.8 event on one line, for a sink with {@code format: ocsf}. Each
 * event type goes to the class that fits it (docs/audit-events.md, OCSF mapping): egress to
 * Network Activity, auth to Authentication, authz, webhook and rate_limit to API Activity, masking
 * to Data Security Finding, the agent's own events to Application Lifecycle or, when they report a
 * failure, Application Error. The outcome sets severity, status, action and disposition; the
 * event as the agent writes it in its own format is kept whole under {@code unmapped}, so nothing
 * is lost in the mapping. Written by hand for the reason {@link AuditJson} is. Only the writer
 * thread uses an instance.
 */
final class OcsfJson {
    /** The OCSF release whose classes this encodes, checked against its pinned schema in the tests. */
    static final String OCSF_VERSION = "1.8.0";

    /** An OCSF event class: its ids and captions. */
    private enum EventClass {
        NETWORK_ACTIVITY(4001, "Network Activity", 4, "Network Activity"),
        AUTHENTICATION(3002, "Authentication", 3, "Identity & Access Management"),
        API_ACTIVITY(6003, "API Activity", 6, "Application Activity"),
        DATA_SECURITY_FINDING(2006, "Data Security Finding", 2, "Findings"),
        APPLICATION_LIFECYCLE(6002, "Application Lifecycle", 6, "Application Activity"),
        APPLICATION_ERROR(6008, "Application Error", 6, "Application Activity");

        final int uid;
        final String caption;
        final int categoryUid;
        final String categoryCaption;

        EventClass(int uid, String caption, int categoryUid, String categoryCaption) {
            this.uid = uid;
            this.caption = caption;
            this.categoryUid = categoryUid;
            this.categoryCaption = categoryCaption;
        }
    }

    private final String service;
    private final String host;
    private final String productVersion;
    /** This agent start's id: with seq, a unique {@code metadata.uid}, as the nats message ids are. */
    private final String instance = ProcessIdentity.startId();
    /** The event in the agent's own format, for {@code unmapped}. */
    private final AuditJson primus;
    private final StringBuilder line = new StringBuilder(1024);

    OcsfJson(String service, String host, long pid, String productVersion) {
        this.service = service;
        this.host = host;
        this.productVersion = productVersion;
        this.primus = new AuditJson(service, host, pid);
    }

    /** The event as an OCSF object without its closing brace, as every sink takes lines. */
    String open(AuditEvent event, long seq) {
        String unmapped = primus.open(event, seq);
        Map<String, String> context = event.contextFields();
        EventClass eventClass = classOf(event);
        int activityId = activityId(eventClass, event);
        line.setLength(0);
        line.append("{\"class_uid\":").append(eventClass.uid);
        text("class_name", eventClass.caption);
        line.append(",\"category_uid\":").append(eventClass.categoryUid);
        text("category_name", eventClass.categoryCaption);
        line.append(",\"activity_id\":").append(activityId);
        String activity = activityName(eventClass, activityId, event);
        text("activity_name", activity);
        line.append(",\"type_uid\":").append(eventClass.uid * 100L + activityId);
        text("type_name", eventClass.caption + ": " + activity);
        line.append(",\"time\":").append(event.timestampMillis());
        outcome(event.outcome(), eventClass);
        text("message", event.reason());
        metadata(seq, context, eventClass == EventClass.API_ACTIVITY && context.get("trace_id") != null);
        line.append(",\"device\":{\"hostname\":");
        AuditJson.string(line, host);
        line.append(",\"type_id\":0}");
        if (!event.rule().isEmpty()) {
            line.append(",\"policy\":{\"name\":");
            AuditJson.string(line, event.rule());
            line.append('}');
        }
        switch (eventClass) {
            case NETWORK_ACTIVITY:
                network(event.target());
                break;
            case AUTHENTICATION:
                authentication(context);
                break;
            case API_ACTIVITY:
                api(event, context);
                break;
            case DATA_SECURITY_FINDING:
                finding(event, seq);
                break;
            case APPLICATION_ERROR:
                // The class has no more than the common attributes: the message says what failed.
                break;
            default:
                line.append(",\"app\":{\"name\":\"Primus Agent\",\"vendor_name\":\"Primus\",\"version\":");
                AuditJson.string(line, productVersion);
                line.append('}');
        }
        line.append(",\"unmapped\":").append(unmapped).append('}');
        return line.toString();
    }

    private static EventClass classOf(AuditEvent event) {
        switch (event.type()) {
            case "egress":
                return EventClass.NETWORK_ACTIVITY;
            case "auth":
                return EventClass.AUTHENTICATION;
            case "authz":
            case "webhook":
            case "rate_limit":
                return EventClass.API_ACTIVITY;
            case "masking":
                return EventClass.DATA_SECURITY_FINDING;
            default:
                return "error".equals(event.outcome()) ? EventClass.APPLICATION_ERROR : EventClass.APPLICATION_LIFECYCLE;
        }
    }

    private static int activityId(EventClass eventClass, AuditEvent event) {
        switch (eventClass) {
            case NETWORK_ACTIVITY:
                // A connection let through is opened; one refused never was.
                return "denied".equals(event.outcome()) ? 5 : "error".equals(event.outcome()) ? 4 : 1;
            case AUTHENTICATION:
                return 1;
            case API_ACTIVITY:
                return apiActivity(event.contextFields().get("method"));
            case DATA_SECURITY_FINDING:
                return 1;
            case APPLICATION_ERROR:
                return 1;
            default:
                if ("agent".equals(event.type()) && "started".equals(event.reason())) {
                    return 3;
                }
                return "agent".equals(event.type()) && "stopped".equals(event.reason()) ? 4 : 99;
        }
    }

    /** API Activity's activities are CRUD: the HTTP method says which, or Other. */
    private static int apiActivity(String method) {
        if (method == null) {
            return 99;
        }
        switch (method.toUpperCase(Locale.ROOT)) {
            case "POST":
                return 1;
            case "GET":
            case "HEAD":
                return 2;
            case "PUT":
            case "PATCH":
                return 3;
            case "DELETE":
                return 4;
            default:
                return 99;
        }
    }

    private static String activityName(EventClass eventClass, int activityId, AuditEvent event) {
        switch (eventClass) {
            case NETWORK_ACTIVITY:
                return activityId == 5 ? "Refuse" : activityId == 4 ? "Fail" : "Open";
            case AUTHENTICATION:
                return "Logon";
            case API_ACTIVITY:
                return activityId == 1 ? "Create" : activityId == 2 ? "Read" : activityId == 3 ? "Update"
                        : activityId == 4 ? "Delete" : "Other";
            case DATA_SECURITY_FINDING:
                return "Create";
            case APPLICATION_ERROR:
                return "General Error";
            default:
                return activityId == 3 ? "Start" : activityId == 4 ? "Stop" : "config".equals(event.type()) ? "Configure" : "Other";
        }
    }

    /**
     * Severity, status, action and disposition from the outcome: allowed is informational and
     * succeeded; would_deny (monitor mode) went through and was observed; denied was blocked;
     * error is an agent or backend failure. A masked value was modified (corrected), not blocked.
     */
    private void outcome(String outcome, EventClass eventClass) {
        boolean masking = eventClass == EventClass.DATA_SECURITY_FINDING;
        int severity;
        int status;
        int action;
        int disposition;
        String dispositionName;
        switch (outcome) {
            case "allowed":
                severity = 1;
                status = 1;
                action = 1;
                disposition = 1;
                dispositionName = "Allowed";
                break;
            case "would_deny":
                severity = 2;
                status = 1;
                action = 3;
                disposition = 15;
                dispositionName = "Detected";
                break;
            case "denied":
                severity = 3;
                status = masking ? 1 : 2;
                action = masking ? 4 : 2;
                disposition = masking ? 11 : 2;
                dispositionName = masking ? "Corrected" : "Blocked";
                break;
            default:
                severity = 4;
                status = 2;
                action = 0;
                disposition = 27;
                dispositionName = "Error";
        }
        line.append(",\"severity_id\":").append(severity);
        text("severity", severity == 1 ? "Informational" : severity == 2 ? "Low" : severity == 3 ? "Medium" : "High");
        line.append(",\"status_id\":").append(status);
        text("status", status == 1 ? "Success" : "Failure");
        text("status_detail", outcome);
        line.append(",\"action_id\":").append(action);
        text("action", action == 1 ? "Allowed" : action == 2 ? "Denied" : action == 3 ? "Observed" : action == 4 ? "Modified"
                : "Unknown");
        line.append(",\"disposition_id\":").append(disposition);
        text("disposition", dispositionName);
    }

    private void metadata(long seq, Map<String, String> context, boolean traced) {
        // The profiles whose attributes the event uses: policy, action and disposition; device; trace.
        line.append(",\"metadata\":{\"version\":\"").append(OCSF_VERSION).append("\",\"profiles\":[\"security_control\",\"host\"")
                .append(traced ? ",\"trace\"]" : "]");
        line.append(",\"product\":{\"name\":\"Primus Agent\",\"vendor_name\":\"Primus\",\"version\":");
        AuditJson.string(line, productVersion);
        line.append('}');
        line.append(",\"uid\":\"").append(instance).append('-').append(seq).append('"');
        line.append(",\"sequence\":").append(seq);
        text("log_name", "primus-audit");
        optional("correlation_uid", context.get("trace_id"));
        optional("tenant_uid", context.get("tenant"));
        line.append('}');
    }

    /** The app's host opens the connection; the target, when known, is where it goes. */
    private void network(Target target) {
        line.append(",\"src_endpoint\":{\"hostname\":");
        AuditJson.string(line, host);
        line.append('}');
        if (target == null) {
            return;
        }
        if (target.host() != null || target.ip() != null) {
            line.append(",\"dst_endpoint\":{");
            int start = line.length();
            optional("hostname", target.host());
            optional("ip", target.ip());
            // java.net.URL takes any port number; OCSF's port_t is 0..65535 (the event under unmapped keeps it).
            if (target.port() >= 0 && target.port() <= 65535) {
                line.append(",\"port\":").append(target.port());
            }
            line.deleteCharAt(start);
            line.append('}');
        }
        if (target.url() != null) {
            line.append(",\"url\":{\"url_string\":");
            AuditJson.string(line, target.url());
            if (target.scheme() != null) {
                text("scheme", target.scheme());
            }
            line.append('}');
        }
    }

    private void authentication(Map<String, String> context) {
        user("user", context.get("principal"));
        line.append(",\"service\":{\"name\":");
        AuditJson.string(line, service);
        line.append('}');
        line.append(",\"is_remote\":true");
        clientEndpoint(context.get("client_ip"));
        httpRequest(context);
    }

    private void api(AuditEvent event, Map<String, String> context) {
        line.append(",\"actor\":{");
        int start = line.length();
        user("user", context.get("principal"));
        line.deleteCharAt(start);
        line.append('}');
        String method = context.get("method");
        String route = context.get("route");
        line.append(",\"api\":{\"operation\":");
        AuditJson.string(line, method != null && route != null ? method + " " + route : route != null ? route : event.type());
        line.append(",\"service\":{\"name\":");
        AuditJson.string(line, service);
        line.append("}}");
        clientEndpoint(context.get("client_ip"));
        httpRequest(context);
        String traceId = context.get("trace_id");
        if (traceId != null) {
            line.append(",\"trace\":{\"uid\":");
            AuditJson.string(line, traceId);
            line.append('}');
        }
    }

    /** One finding per detector and report period; the finding's id is the event's. */
    private void finding(AuditEvent event, long seq) {
        line.append(",\"finding_info\":{\"uid\":\"").append(instance).append('-').append(seq).append('"');
        text("title", event.reason());
        line.append(",\"types\":[\"Secret or personal data in a log line\"]}");
        String detector = event.detailFields().get("detector");
        if (detector != null) {
            line.append(",\"data_security\":{\"detection_pattern\":");
            AuditJson.string(line, detector);
            line.append('}');
        }
    }

    /** A user by the principal the auth guard found; an unauthenticated caller is named {@code unknown}. */
    private void user(String field, String principal) {
        line.append(",\"").append(field).append("\":{\"name\":");
        AuditJson.string(line, principal == null ? "unknown" : principal);
        line.append('}');
    }

    private void clientEndpoint(String clientIp) {
        line.append(",\"src_endpoint\":{");
        if (clientIp != null) {
            line.append("\"ip\":");
            AuditJson.string(line, clientIp);
        } else {
            line.append("\"name\":\"unknown\"");
        }
        line.append('}');
    }

    private void httpRequest(Map<String, String> context) {
        String method = context.get("method");
        String route = context.get("route");
        if (method == null && route == null) {
            return;
        }
        line.append(",\"http_request\":{");
        int start = line.length();
        optional("http_method", method);
        if (route != null) {
            line.append(",\"url\":{\"path\":");
            AuditJson.string(line, route);
            line.append('}');
        }
        line.deleteCharAt(start);
        line.append('}');
    }

    private void text(String name, String value) {
        line.append(",\"").append(name).append("\":");
        AuditJson.string(line, value);
    }

    private void optional(String name, String value) {
        if (value != null) {
            text(name, value);
        }
    }
}
