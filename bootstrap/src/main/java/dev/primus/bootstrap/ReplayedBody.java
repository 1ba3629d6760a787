package dev.primus.bootstrap;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.Method;

/**
 * A request body the agent read (to verify a webhook signature), replayed to the app byte for
 * byte: the bytes read, then whatever of the original stream the agent left unread. The agent
 * generates a tiny {@code ServletInputStream} and request wrapper per servlet API that delegate
 * here; this class lives on the boot class path so those generated classes, defined in the
 * container's class loader, can call it.
 */
public final class ReplayedBody extends InputStream {
    private final ByteArrayInputStream read;
    private final InputStream rest;
    private final String encoding;
    private boolean finished;

    /**
     * @param read the bytes the agent read
     * @param rest the original stream's unread remainder, or null when it was read to the end
     * @param encoding the request's character encoding, or null for ISO-8859-1 (the servlet default)
     */
    public ReplayedBody(byte[] read, InputStream rest, String encoding) {
        this.read = new ByteArrayInputStream(read);
        this.rest = rest;
        this.encoding = encoding;
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
