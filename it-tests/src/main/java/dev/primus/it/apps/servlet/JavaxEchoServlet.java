package dev.primus.it.apps.servlet;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers what the app saw (javax.servlet): who the agent said the caller is, and the body
 * exactly as the app read it, through getInputStream or, with {@code X-Read-With: reader}, getReader,
 * or with {@code X-Read-With: parameters} its form fields, through getParameterMap.
 */
public class JavaxEchoServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().endsWith("/async")) {
            // An async request comes back through the container's chain as an ASYNC dispatch.
            if (request.getDispatcherType() == DispatcherType.REQUEST) {
                request.startAsync().dispatch();
            } else {
                response.getWriter().print("async " + request.getDispatcherType());
            }
            return;
        }
        if (request.getRequestURI().endsWith("/count")) {
            response.getWriter().print("filter_hits=" + FilterHits.COUNT.get());
            return;
        }
        byte[] body;
        if ("parameters".equals(request.getHeader("X-Read-With"))) {
            // A form's fields, as the app reads them: name=values, sorted, one a line.
            StringBuilder fields = new StringBuilder();
            new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) ->
                    fields.append(name).append('=').append(String.join(",", values)).append('\n'));
            body = fields.toString().getBytes(StandardCharsets.UTF_8);
        } else if ("reader".equals(request.getHeader("X-Read-With"))) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[256];
            for (int read; (read = request.getReader().read(buffer)) >= 0; ) {
                text.append(buffer, 0, read);
            }
            body = text.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            body = request.getInputStream().readAllBytes();
        }
        response.setHeader("X-Principal", String.valueOf(request.getAttribute("primus.principal")));
        response.setHeader("X-Tenant", String.valueOf(request.getAttribute("primus.tenant")));
        response.setHeader("X-Scopes", String.valueOf(request.getAttribute("primus.scopes")));
        response.setContentType("application/octet-stream");
        response.getOutputStream().write(body);
    }
}
