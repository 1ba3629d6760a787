package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartialStyleTest {
    private final Masker masker = Masker.builder().style("partial").custom("order_token", "ORD-[0-9]+").build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4111-1111-1111-1111         | ****-****-****-1111",
        "4111 1111 1111 1111         | **** **** **** 1111",
        "john.doe@example.com        | ****.***@*******.com",
        "(415) 555-2671              | (***) ***-2671",
        "078-05-1120                 | ***-**-1120",
        "GB82WEST12345698765432      | ******************5432",
        "ABCPE1234F                  | ******234F",
    })
    void keepsTheLastFourCharsAndSeparatorsOfPersonalData(String value, String masked) {
        assertEquals("x " + masked + " y", masker.mask("x " + value + " y"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a@b.io                                  | [EMAIL]",
        "AKIAIOSFODNN7EXAMPLE                    | [AWS_ACCESS_KEY]",
        "sk_live_abcdefghijklmnop1234            | [STRIPE_KEY]",
        "password=hunter2hunter2                 | password=[PASSWORD_KV]",
        "Bearer abcdefghijklmnopqrstuvwxyz       | Bearer [BEARER_TOKEN]",
        "ORD-1234567890                          | [ORDER_TOKEN]",
        "%B4111111111111111^DOE/JOHN^25121010123? | [CREDIT_CARD]",
        ";4111111111111111=25121010000000000123? | ;[CREDIT_CARD]",
    })
    void redactsShortValuesSecretsAndCustomValuesFully(String value, String masked) {
        assertEquals("x " + masked + " y", masker.mask("x " + value + " y"));
    }
}
