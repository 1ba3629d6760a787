package dev.primus.benchmarks.reference.spring.orders;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a list, with what a client needs to ask for the next one. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    static <E, T> PageView<T> of(Page<E> page, java.util.function.Function<E, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
