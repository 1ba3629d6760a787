package dev.primus.benchmarks.reference.spring.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer; the email, and the card some test rows carry, are what the masking guard masks in the log. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String email;
    /** A card-network test number on some rows, null on the others. */
    private String cardOnFile;

    protected Customer() {
        // for JPA
    }

    public Customer(long id, String name, String email, String cardOnFile) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.cardOnFile = cardOnFile;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getCardOnFile() {
        return cardOnFile;
    }
}
