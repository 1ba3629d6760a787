package dev.primus.benchmarks.reference.spring.orders;

/** A customer as the partner API writes it: the card's last four digits, never the number. */
public record CustomerView(long id, String name, String email, String cardLast4) {

    static CustomerView of(Customer customer) {
        String card = customer.getCardOnFile();
        return new CustomerView(customer.getId(), customer.getName(), customer.getEmail(),
                card == null ? null : card.substring(card.length() - 4));
    }
}
