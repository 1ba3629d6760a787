package dev.primus.benchmarks.reference.spring.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Customers for partners (the agent's config asks an API key of every route here). */
@RestController
@RequestMapping("/partner/customers")
public class PartnerCustomerController {
    private static final Logger log = LoggerFactory.getLogger(PartnerCustomerController.class);
    private static final int MAX_PAGE_SIZE = 100;

    private final CustomerRepository customers;

    public PartnerCustomerController(CustomerRepository customers) {
        this.customers = customers;
    }

    @GetMapping("/{id}")
    public CustomerView customer(@PathVariable long id) {
        Customer customer = customers.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + id));
        // The whole card number in a log line: the kind of slip the masking guard is there to catch.
        log.info("customer {} read by partner, email {}, card on file {}", id, customer.getEmail(), customer.getCardOnFile());
        return CustomerView.of(customer);
    }

    @GetMapping
    public PageView<CustomerView> list(@RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size) {
        Page<Customer> found = customers.findAll(PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE), Sort.by("id")));
        log.info("customers listed by partner: page {}, {} of {}", found.getNumber(), found.getNumberOfElements(), found.getTotalElements());
        return PageView.of(found, CustomerView::of);
    }
}
