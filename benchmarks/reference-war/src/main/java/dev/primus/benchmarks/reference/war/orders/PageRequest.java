package dev.primus.benchmarks.reference.war.orders;

import javax.servlet.http.HttpServletRequest;

/** The page a list request asks for, from {@code page} and {@code size}, bounded. */
public final class PageRequest {
    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;

    final int page;
    final int size;

    private PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** The request's page; a number that does not parse is answered as the first page. */
    public static PageRequest of(HttpServletRequest request) {
        int page = Math.max(number(request.getParameter("page"), 0), 0);
        int size = Math.min(Math.max(number(request.getParameter("size"), DEFAULT_SIZE), 1), MAX_SIZE);
        return new PageRequest(page, size);
    }

    long offset() {
        return (long) page * size;
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
