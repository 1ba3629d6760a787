package dev.primus.bootstrap;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body the agent read (to verify a webhook signature), replayed to the app byte for
 * byte: the bytes read, then whatever of the original stream the agent left unread. The agent
 * generates a tiny {@code ServletInputStream} and request wrapper per servlet API that delegate
 * here; this class lives on the boot class path so those generated classes, defined in the
 * container's class loader, can call it.
 */
public final class ReplayedBody extends InputStream {
    private final ByteArrayInputStream read;
    private final byte[] bytes;
    private final InputStream rest;
    private final String encoding;
    /** Whether the body is a whole HTML form ({@code application/x-www-form-urlencoded}): its fields are parameters. */
    private final boolean form;
    private final String formCharset;
    private boolean finished;
    /** The form's parameters, the query string's first, read at the first ask. */
    private Map<String, String[]> parameters;

    /**
     * @param read the bytes the agent read
     * @param rest the original stream's unread remainder, or null when it was read to the end
     * @param encoding the request's character encoding, or null for ISO-8859-1 (the servlet default)
     */
    public ReplayedBody(byte[] read, InputStream rest, String encoding) {
        this(read, rest, encoding, null);
    }

    /**
     * @param formCharset for a body that is a whole form ({@code application/x-www-form-urlencoded},
     *     read to its end), the charset its container reads a form in where the request names none
     *     (ISO-8859-1, as the servlet API says; UTF-8 on Jetty 12): the request's parameters are
     *     then read from it, as the container would have; null for any other body
     */
    public ReplayedBody(byte[] read, InputStream rest, String encoding, String formCharset) {
        this.read = new ByteArrayInputStream(read);
        this.bytes = read;
        this.rest = rest;
        this.encoding = encoding;
        this.form = formCharset != null && rest == null;
        this.formCharset = formCharset;
    }

    /** Whether the request's parameters are this body's form fields (and its query string's). */
    public boolean isForm() {
        return form;
    }

    /**
     * {@code ServletRequest.getParameterMap} of a form: the query string's fields, then the body's,
     * each name's values in that order, as the containers read them: the query string in UTF-8
     * (their default for the URI), the body in the request's encoding as it is when first asked (a
     * filter of the app may have set it), else in the container's charset for forms.
     */
    public synchronized Map<String, String[]> parameterMap(String query, String requestEncoding) {
        if (parameters == null) {
            Map<String, List<String>> fields = new LinkedHashMap<String, List<String>>();
            addFields(query, "UTF-8", fields);
            addFields(new String(bytes, StandardCharsets.ISO_8859_1), requestEncoding != null ? requestEncoding : formCharset,
                    fields);
            Map<String, String[]> map = new LinkedHashMap<String, String[]>();
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                map.put(field.getKey(), field.getValue().toArray(new String[0]));
            }
            parameters = Collections.unmodifiableMap(map);
        }
        return parameters;
    }

    /** {@code ServletRequest.getParameter} of a form: the name's first value, or null. */
    public String parameter(String name, String query, String requestEncoding) {
        String[] values = parameterMap(query, requestEncoding).get(name);
        return values == null ? null : values[0];
    }

    /** {@code ServletRequest.getParameterValues} of a form. */
    public String[] parameterValues(String name, String query, String requestEncoding) {
        String[] values = parameterMap(query, requestEncoding).get(name);
        return values == null ? null : values.clone();
    }

    /** {@code ServletRequest.getParameterNames} of a form. */
    public Enumeration<String> parameterNames(String query, String requestEncoding) {
        return Collections.enumeration(parameterMap(query, requestEncoding).keySet());
    }

    /** The fields of {@code encoded} ({@code a=1&b=x+y}), read as bytes of ISO-8859-1, decoded in {@code charset}. */
    private static void addFields(String encoded, String charset, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String field : encoded.split("&")) {
            if (field.isEmpty()) {
                continue;
            }
            int equals = field.indexOf('=');
            String name = decode(equals < 0 ? field : field.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(field.substring(equals + 1), charset);
            List<String> values = into.get(name);
            if (values == null) {
                values = new ArrayList<String>(1);
                into.put(name, values);
            }
            values.add(value);
        }
    }

    private static String decode(String text, String charset) {
        try {
            return URLDecoder.decode(text, charset);
        } catch (UnsupportedEncodingException | IllegalArgumentException unreadable) {
            return text; // a field the container would drop or keep as sent: kept as sent
        }
    }

    @Override
    public int read() throws IOException {
        int next = read.read();
        if (next < 0 && rest != null) {
            next = rest.read();
        }
        finished = next < 0;
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count = read.read(buffer, offset, length);
        if (count < 0 && rest != null) {
            count = rest.read(buffer, offset, length);
        }
        finished = count < 0;
        return count;
    }

    @Override
    public int available() throws IOException {
        int available = read.available();
        return available > 0 || rest == null ? available : rest.available();
    }

    /** {@code ServletInputStream.isFinished}. */
    public boolean isFinished() {
        return finished || (rest == null && read.available() == 0);
    }

    /**
     * {@code ServletInputStream.setReadListener}: the bytes are all here already, so the listener
     * hears at once that data is available and, once it has read them, that all was read.
     */
    public void setReadListener(Object listener) throws IOException {
        call(listener, "onDataAvailable");
        if (isFinished() || rest == null) {
            call(listener, "onAllDataRead");
        }
    }

    /** {@code ServletRequest.getReader} over the replayed bytes. */
    public BufferedReader reader(InputStream stream) throws UnsupportedEncodingException {
        return new BufferedReader(new InputStreamReader(stream, encoding == null ? "ISO-8859-1" : encoding));
    }

    private static void call(Object listener, String name) throws IOException {
        try {
            Method method = listener.getClass().getMethod(name);
            method.setAccessible(true);
            method.invoke(listener);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException(name + " failed", cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("read listener " + listener.getClass().getName() + "." + name + " unreachable", e);
        }
    }
}
