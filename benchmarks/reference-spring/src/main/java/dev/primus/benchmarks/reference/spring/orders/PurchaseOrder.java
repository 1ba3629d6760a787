package dev.primus.benchmarks.reference.spring.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** An order of one item by one customer. Named so, not Order, which SQL reserves. */
@Entity
@Table(name = "orders", indexes = @Index(name = "orders_customer", columnList = "customer_id"))
public class PurchaseOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    @Column(nullable = false)
    private String sku;
    @Column(nullable = false)
    private String item;
    private int quantity;
    private long amountCents;
    @Column(nullable = false)
    private String status;
    @Column(nullable = false)
    private Instant createdAt;

    protected PurchaseOrder() {
        // for JPA
    }

    public PurchaseOrder(Customer customer, String sku, String item, int quantity, long amountCents, Instant createdAt) {
        this.customer = customer;
        this.sku = sku;
        this.item = item;
        this.quantity = quantity;
        this.amountCents = amountCents;
        this.status = "NEW";
        this.createdAt = createdAt;
    }

    public void markPaid() {
        status = "PAID";
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getSku() {
        return sku;
    }

    public String getItem() {
        return item;
    }

    public int getQuantity() {
        return quantity;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
