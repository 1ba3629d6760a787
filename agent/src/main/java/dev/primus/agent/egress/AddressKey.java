package dev.primus.agent.egress;

import java.util.Arrays;

/**
 * What the decision for a resolved address no rule named by host is cached under: the address
 * and the port. As with {@link DecisionKey}, a thread looks up with a key of its own, whose
 * address may be a buffer it reuses, and a cache keeps a {@link #copy}.
 */
final class AddressKey {
    private byte[] address;
    private int port;
    private int hash;

    /** A thread's own key, to {@link #set} before each lookup. */
    AddressKey() {
    }

    AddressKey set(byte[] address, int port) {
        this.address = address;
        this.port = port;
        this.hash = Arrays.hashCode(address) * 31 + port;
        return this;
    }

    /** A key the cache may keep, with an address of its own. */
    AddressKey copy() {
        return new AddressKey().set(address.clone(), port);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AddressKey)) {
            return false;
        }
        AddressKey key = (AddressKey) other;
        return port == key.port && Arrays.equals(address, key.address);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
