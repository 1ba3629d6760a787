package dev.primus.agent.masking;

/** style redact: {@code [EMAIL]}, {@code [CREDIT_CARD]}, {@code [ORDER_TOKEN]}. Nothing of the value remains. */
final class RedactStyle implements MaskStyle {
    @Override
    public String replacement(CharSequence value, int start, int end, Detector detector) {
        return detector.redacted;
    }
}
