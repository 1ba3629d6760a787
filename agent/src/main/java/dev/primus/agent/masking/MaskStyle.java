package dev.primus.agent.masking;

/** How a found value is written in the output. Implementations are immutable and thread-safe. */
interface MaskStyle {
    /** The text that replaces {@code value[start, end)}, found by {@code detector}. */
    String replacement(CharSequence value, int start, int end, Detector detector);
}
