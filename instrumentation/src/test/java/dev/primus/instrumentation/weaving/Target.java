package dev.primus.instrumentation.weaving;

import java.io.IOException;

/** A class to weave in tests: several returns, an inner try/catch, a throw, wide arguments. */
public class Target {
    public String connect(long before, String host, double after) {
        return host + ":" + before + ":" + after;
    }

    public int work(int mode) throws IOException {
        if (mode == 0) {
            return 10;
        }
        try {
            if (mode == 1) {
                throw new IllegalStateException("inner");
            }
        } catch (IllegalStateException caught) {
            return 11;
        }
        if (mode == 2) {
            throw new IOException("outer");
        }
        return 12;
    }

    public Object connectAsync(String host) {
        return "future for " + host;
    }

    public void connectWithHandler(String host, Object attachment, java.util.List<String> handler) {
        handler.add("connected " + host + " " + attachment);
    }

    public static void connectWithPromise(String host, String local, java.util.List<String> promise) {
        promise.add("connected " + host);
    }

    private String text;
    private String[] words;
    private String label;

    public Target() {
        this.text = "initial secret";
        this.label = "made";
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String greet(String name) {
        return "hello " + name;
    }

    public String describe(boolean early) {
        if (early) {
            return "early secret";
        }
        return "late secret " + text;
    }

    public void setText(String text) {
        this.text = text;
        this.words = text.split(" ");
    }

    public String text() {
        return text;
    }

    public String[] words() {
        return words;
    }

    public void finish(int mode) throws IOException {
        text = "finished";
        if (mode == 1) {
            throw new IOException("finish failed");
        }
    }

    public Object connectVia(StringBuilder host) {
        return "future for " + host;
    }

    /** Like a container's request entry: runs with whatever request it is given, may throw. */
    public void serve(CharSequence request, java.util.List<String> response) throws IOException {
        if (request.toString().equals("fail")) {
            throw new IOException("serve failed");
        }
        response.add("served " + request);
    }

    /** Like Spring's handler adapter: returns a result computed from the handler it is given. */
    public String handle(java.util.List<String> response, String handler) {
        return "handled " + handler;
    }
}
