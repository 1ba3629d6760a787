package dev.primus.benchmarks.reference.spring.orders;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

    /** One order with its customer, in one query. */
    @EntityGraph(attributePaths = "customer")
    Optional<PurchaseOrder> findWithCustomerById(long id);

    /** A page of orders whose item names contain {@code text}, customers fetched with them. */
    @EntityGraph(attributePaths = "customer")
    Page<PurchaseOrder> findByItemContainingIgnoreCase(String text, Pageable page);
}
