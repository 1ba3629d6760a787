package dev.primus.benchmarks.reference.war.orders;

import java.util.List;

/** One page of a list, with what a client needs to ask for the next one. */
public final class Page<T> {
    public final List<T> items;
    public final int page;
    public final int size;
    public final long total;

    Page(List<T> items, PageRequest request, long total) {
        this.items = items;
        this.page = request.page;
        this.size = request.size;
        this.total = total;
    }
}
