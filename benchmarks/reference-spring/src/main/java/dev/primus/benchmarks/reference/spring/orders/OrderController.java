package dev.primus.benchmarks.reference.spring.orders;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Orders for signed-in users (the agent's config asks a JWT of every route here). */
@RestController
@RequestMapping("/api/orders")
public class OrderController {
    private static final Logger log = LoggerFactory.getLogger(OrderController.class);
    private static final int MAX_PAGE_SIZE = 100;

    private final PurchaseOrderRepository orders;
    private final CustomerRepository customers;

    public OrderController(PurchaseOrderRepository orders, CustomerRepository customers) {
        this.orders = orders;
        this.customers = customers;
    }

    @GetMapping("/{id}")
    public OrderView order(@PathVariable long id) {
        PurchaseOrder order = orders.findWithCustomerById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + id));
        log.info("order {} fetched for customer {}", id, order.getCustomer().getEmail());
        return OrderView.of(order);
    }

    @GetMapping
    public PageView<OrderView> search(@RequestParam(defaultValue = "") String q,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE), Sort.by("id"));
        Page<PurchaseOrder> found = orders.findByItemContainingIgnoreCase(q, request);
        log.info("orders matching '{}' listed: page {}, {} of {}", q, found.getNumber(), found.getNumberOfElements(), found.getTotalElements());
        return PageView.of(found, OrderView::of);
    }

    @PostMapping
    public ResponseEntity<OrderView> create(@RequestBody NewOrder request) {
        Customer customer = customers.findById(request.customerId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "no customer " + request.customerId()));
        PurchaseOrder order = orders.save(new PurchaseOrder(customer, request.sku(), request.item(), request.quantity(),
                request.amountCents(), java.time.Instant.now()));
        log.info("order {} created for customer {}", order.getId(), customer.getEmail());
        return ResponseEntity.created(URI.create("/api/orders/" + order.getId())).body(OrderView.of(order));
    }
}
