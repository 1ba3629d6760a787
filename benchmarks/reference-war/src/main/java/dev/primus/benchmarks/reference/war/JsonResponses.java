package dev.primus.benchmarks.reference.war;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import javax.servlet.http.HttpServletResponse;

/** Writes the app's answers: a value as JSON, or an error as {@code {"error": message}}. One mapper for the app. */
public final class JsonResponses {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    public static void write(HttpServletResponse response, int status, Object value) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), value);
    }

    public static void error(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, Collections.singletonMap("error", message));
    }
}
