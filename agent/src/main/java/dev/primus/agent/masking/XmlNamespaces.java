package dev.primus.agent.masking;

/**
 * For password_kv: a word for a secret that is an XML namespace's prefix, not a key. SOAP
 * payloads, as CXF's and HttpClient's logs write them, name their namespaces after the service
 * ({@code <auth:GetUserRequest>}, {@code xmlns:auth="http://example.com/auth"}): read as
 * {@code auth: value}, the first masked the rest of the message. An element under such a prefix
 * that names a password ({@code <auth:password>x</auth:password>}) is still read by its local
 * name, as any element is.
 */
final class XmlNamespaces {
    private static final String XMLNS = "xmlns:";

    private XmlNamespaces() {
    }

    /**
     * Whether the name that ends at {@code keyEnd}, right before the separator at {@code at},
     * is a prefix: before a ':', the start of an element's tag ({@code <auth:} or {@code </auth:});
     * before a '=', a namespace's declaration ({@code xmlns:auth=}).
     */
    static boolean isPrefix(CharSequence s, int from, int keyEnd, int at) {
        if (keyEnd != at) {
            return false; // a space before the separator: no tag or attribute is written so
        }
        int name = KeyedValue.nameStart(s, from, keyEnd);
        if (name == keyEnd || name == from) {
            return false;
        }
        char separator = s.charAt(at);
        if (separator == ':') {
            char before = s.charAt(name - 1);
            return before == '<' || before == '/' && name - 2 >= from && s.charAt(name - 2) == '<';
        }
        return separator == '=' && name - XMLNS.length() >= from
                && TextSearch.startsWith(s, name - XMLNS.length(), name, XMLNS);
    }
}
