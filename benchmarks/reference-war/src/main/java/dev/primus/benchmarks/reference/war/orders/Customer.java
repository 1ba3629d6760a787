package dev.primus.benchmarks.reference.war.orders;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A customer as the partner API writes it: the card's last four digits, never the number. */
public final class Customer {
    public final long id;
    public final String name;
    public final String email;
    public final String cardLast4;
    /** A card-network test number on some rows, for the log line the masking guard masks; never written out. */
    @JsonIgnore
    public final String cardOnFile;

    Customer(long id, String name, String email, String cardOnFile) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.cardOnFile = cardOnFile;
        this.cardLast4 = cardOnFile == null ? null : cardOnFile.substring(cardOnFile.length() - 4);
    }
}
