package dev.primus.agent.masking;

/**
 * For password_kv: a CAS ticket as a key's value, whatever the key: a service's callback URL
 * {@code ?ticket=ST-1-hGkq9LzR4tB8nWc3YdF6-cas01} in its access log, the Java CAS client's
 * {@code ticket: ST-…}, a proxy callback's {@code pgtIou=PGTIOU-…&pgtId=PGT-…}. A service or proxy
 * ticket is a login until it is used, a proxy-granting or ticket-granting ticket a session. CAS
 * writes them as a type prefix, a counter and a random part, each after a '-', then the server's
 * name: only that shape counts, with a random part that reads as machine-made
 * ({@link ProseSecrets#readsAsCredential}), since "ticket" alone names an issue tracker's
 * ({@code ticket=JIRA-1234}). The whole ticket is masked, the server's name with it. Also a ticket
 * no key names, at a word start, in the same shape: the CAS server's {@code Granted ticket [ST-…]}.
 */
final class CasTickets {
    /** Service, proxy, proxy-granting (and its IOU), ticket-granting: longest first, so that PGTIOU is not read as PGT. */
    private static final String[] TYPES = {"PGTIOU-", "PGT-", "TGT-", "ST-", "PT-"};
    private static final int MAX_COUNTER = 19;
    private static final int MAX_TICKET = 512;

    private CasTickets() {
    }

    /** The ticket after the separator at {@code at}; NONE if the value is no CAS ticket. */
    static long match(CharSequence s, int at, int end) {
        return ticketAt(s, KeyedValue.valueStart(s, at, end), end);
    }

    /**
     * A ticket no key names, at a word start: the CAS server's own {@code Granted ticket
     * [ST-8-tNma6wiRM7YQvIPev4jP2sqQ9Fk-cas01] for service [...] and principal [bob]}, at INFO on every login.
     */
    static long bare(CharSequence s, int at, int end) {
        return ticketAt(s, at, end);
    }

    private static long ticketAt(CharSequence s, int start, int end) {
        int counter = typeEnd(s, start, end);
        if (counter < 0) {
            return Match.NONE;
        }
        int random = counter;
        while (random < end && random - counter <= MAX_COUNTER && CharClass.isDigit(s.charAt(random))) {
            random++;
        }
        if (random <= counter || random >= end || s.charAt(random) != '-') {
            return Match.NONE;
        }
        random++;
        int randomEnd = random;
        while (randomEnd < end && randomEnd - start < MAX_TICKET && CharClass.isAlnum(s.charAt(randomEnd))) {
            randomEnd++;
        }
        if (!ProseSecrets.readsAsCredential(s, random, randomEnd)) {
            return Match.NONE;
        }
        int stop = randomEnd;
        while (stop < end && stop - start < MAX_TICKET && isTicketChar(s.charAt(stop))) {
            stop++; // the server's name: -cas01.example.org
        }
        return Match.of(start, stop);
    }

    /** Where the counter after a ticket's type at {@code start} begins (a digit there), or -1. */
    private static int typeEnd(CharSequence s, int start, int end) {
        if (start + 4 >= end || !isTypeChar(s.charAt(start))) {
            return -1;
        }
        for (String type : TYPES) {
            int counter = start + type.length();
            if (TextSearch.startsWith(s, start, end, type)) {
                return counter < end && CharClass.isDigit(s.charAt(counter)) ? counter : -1;
            }
        }
        return -1;
    }

    private static boolean isTypeChar(char c) {
        return c == 'S' || c == 'P' || c == 'T';
    }

    private static boolean isTicketChar(char c) {
        return CharClass.isAlnum(c) || c == '-' || c == '.' || c == '_';
    }
}
