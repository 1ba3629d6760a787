package dev.primus.instrumentation.weaving;

import java.security.ProtectionDomain;

/**
 * Told, for every class a patch targets, whether the patch found its method there: the agent
 * counts what it really wove and says which hooks a library version left unwoven. Called on the
 * class-loading thread, inside the transformer: an implementation must only record and return.
 */
public interface PatchCoverage {
    /** The patch was woven into its class. */
    void woven(Patch patch, ClassLoader loader);

    /** The patch's class loaded, from {@code domain}, without the method (or field) the patch needs. */
    void missed(Patch patch, ClassLoader loader, ProtectionDomain domain);

    /** Told nothing: for tests and tools that only weave. */
    PatchCoverage NONE = new PatchCoverage() {
        @Override
        public void woven(Patch patch, ClassLoader loader) {
        }

        @Override
        public void missed(Patch patch, ClassLoader loader, ProtectionDomain domain) {
        }
    };
}
