package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsAccessKeyDetectorTest {
    private final Masker masker = Masker.builder().detectors("aws_access_key").build();

    @ParameterizedTest
    @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A", "AROA1234567890ABCDEF", "ACCA0000000000000000"})
    void masksAccessKeyIds(String key) {
        assertEquals("key=[AWS_ACCESS_KEY] ok", masker.mask("key=" + key + " ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPLEX", "AKIAiosfodnn7example", "XKIAIOSFODNN7EXAMPLE", "xAKIAIOSFODNN7EXAMPLE",
    })
    void leavesOtherStringsAlone(String text) {
        assertEquals("key=" + text + " ok", masker.mask("key=" + text + " ok"));
    }
}
