package dev.primus.agent.egress;

/**
 * One thread's keys for looking decisions up in an {@link EgressPolicy}'s caches, set anew for
 * each lookup and never kept by a cache: with them a destination decided before costs no
 * allocation. Not thread-safe: one per thread.
 */
final class LookupKeys {
    final DecisionKey byName = new DecisionKey();
    final AddressKey byAddress = new AddressKey();
}
