package dev.primus.benchmarks.reference.war;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Readiness for the harness: 200 once the WAR is deployed (its listener seeded the database first). */
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> UP = Collections.singletonMap("status", "UP");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.write(response, HttpServletResponse.SC_OK, UP);
    }
}
