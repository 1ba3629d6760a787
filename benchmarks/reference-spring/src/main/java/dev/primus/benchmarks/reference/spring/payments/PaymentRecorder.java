package dev.primus.benchmarks.reference.spring.payments;

import dev.primus.benchmarks.reference.spring.orders.PurchaseOrder;
import dev.primus.benchmarks.reference.spring.orders.PurchaseOrderRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marks the order a payment names as paid; a repeated delivery changes nothing more. */
@Service
public class PaymentRecorder {
    private final PurchaseOrderRepository orders;

    public PaymentRecorder(PurchaseOrderRepository orders) {
        this.orders = orders;
    }

    /** The order the payment was for, now paid, or empty when no such order exists. */
    @Transactional
    public Optional<PurchaseOrder> record(PaymentEvent payment) {
        Optional<PurchaseOrder> order = orders.findById(payment.orderId());
        order.ifPresent(PurchaseOrder::markPaid);
        return order;
    }
}
