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

    /** RFC 7516's compact JWE, its example in appendix A.1 (RSA-OAEP, A256GCM): five segments, four of them not JSON. */
    @Test
    void masksAnEncryptedToken() {
        String jwe = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckC"
                + "L9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da1"
                + "4B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0"
                + "je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6U"
                + "S04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZ"
                + "odetZdvTiFvSkQ";
        assertEquals("token [JWT] ok", masker.mask("token " + jwe + " ok"));
    }

    /** Keycloak's KC_RESTART cookie: a JWE with {@code alg: dir}, whose encrypted key is empty. */
    @Test
    void masksAnEncryptedTokenWithAnEmptyKey() {
        assertEquals("KC_RESTART=[JWT]; x", masker.mask("KC_RESTART=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIiwia2lkIjoiMTIzIn0"
                + "..E-aM0D-KGD1Z8Hz1.wcGpa2FUabcdefghijklmnopqrstuvwxyzABCDEFGHIJ.BNL-MFbb5LyAiIXypUDCFw; x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eyJhbGciOiJIUzI1NiJ9.a.b.c.d", // five segments too short for an IV and a tag
        "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..E-aM0D-KGD1Z8Hz1.wcGpa2FU.BNL-MFbb5LyAiIXypUDCFw.abc", // six
        "eyJhbGciOiJIUzI1NiJ9", // one segment
        "eyJhbGciOiJIUzI1NiJ9.abc.def", // the payload is not JSON
        "eyJh.eyJzdWIiOiIxIn0.sig", // header too short
        "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
    })
    void leavesThingsThatAreNotTokensAlone(String text) {
        assertEquals("token " + text + " ok", masker.mask("token " + text + " ok"));
    }
}
