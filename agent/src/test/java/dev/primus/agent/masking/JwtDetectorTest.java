package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtDetectorTest {
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private final Masker masker = Masker.builder().detectors("jwt").build();

    @Test
    void masksASignedToken() {
        assertEquals("token [JWT] ok", masker.mask("token " + JWT + " ok"));
    }

    @Test
    void masksAnUnsignedTokenWithAnEmptySignature() {
        assertEquals("t=[JWT] ok", masker.mask("t=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. ok"));
    }

    @Test
    void masksATokenInAUrl() {
        assertEquals("GET /cb?id_token=[JWT]&state=1", masker.mask("GET /cb?id_token=" + JWT + "&state=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eyJhbGciOiJIUzI1NiJ9", // one segment
        "eyJhbGciOiJIUzI1NiJ9.abc.def", // the payload is not JSON
        "eyJh.eyJzdWIiOiIxIn0.sig", // header too short
        "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
    })
    void leavesThingsThatAreNotTokensAlone(String text) {
        assertEquals("token " + text + " ok", masker.mask("token " + text + " ok"));
    }
}
