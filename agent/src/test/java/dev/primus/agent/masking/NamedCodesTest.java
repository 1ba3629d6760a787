package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A card's security code or a one-time code that the word before names, a space apart ({@link NamedCodes}). */
class NamedCodesTest {
    private final Masker masker = Masker.builder().build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // log.info("card {} exp {} cvv {}", card, exp, cvv): the template's word names the argument
        "Card 4111 1111 1111 1111 exp 12/26 cvv 123 | Card [CREDIT_CARD] exp 12/26 cvv [PASSWORD_KV]",
        "card ending 1111 CVV 4821 accepted         | card ending 1111 CVV [PASSWORD_KV] accepted",
        "CVC2 482 ok                                | CVC2 [PASSWORD_KV] ok",
        "Cvv2 482                                   | Cvv2 [PASSWORD_KV]",
        "csc 123.                                   | csc [PASSWORD_KV].",
        "your otp is 482913                         | your otp is [PASSWORD_KV]",
        "otp 482913 sent                            | otp [PASSWORD_KV] sent",
        "Sending totp 48291307 now                  | Sending totp [PASSWORD_KV] now",
        "login otp 4829, retries 2                  | login otp [PASSWORD_KV], retries 2",
        // What SMS and e-mail senders log of the message they send, and what 2FA flows log.
        "Your verification code is 482913           | Your verification code is [PASSWORD_KV]",
        "2FA code 482913 accepted for bob           | 2FA code [PASSWORD_KV] accepted for bob",
        "MFA code 48291307                          | MFA code [PASSWORD_KV]",
        "sending SMS code 4829 to the user          | sending SMS code [PASSWORD_KV] to the user",
        "password reset code 482913                 | password reset code [PASSWORD_KV]",
        "one-time password 482913                   | one-time password [PASSWORD_KV]",
        "Your one-time passcode is 48291307         | Your one-time passcode is [PASSWORD_KV]",
        "security code 123                          | security code [PASSWORD_KV]",
        "Confirmation code: 482913                  | Confirmation code: [PASSWORD_KV]",
        // Whose code it is between its words and the code, as a password's owner is read.
        "Verification code for bob: 482913          | Verification code for bob: [PASSWORD_KV]",
        "verification code for user 42 is 482913    | verification code for user 42 is [PASSWORD_KV]",
        "OTP code for user 'bob': 4829              | OTP code for user 'bob': [PASSWORD_KV]",
        "Verification code for a@example.com is 482913 | Verification code for [EMAIL] is [PASSWORD_KV]",
    })
    void masksTheCodeItsWordNames(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cvv 12", // too short for a card's code
        "cvv 12345", // too long
        "otp 123", // too short for a one-time code
        "otp 12345678901",
        "cvv 123-456",
        "otp 2026.1 released",
        "cvv 123a",
        "mycvv 123", // the word must start where the keyword does
        "took 125 ms", "served 1234 requests in 500 ms", "listening on port 8080", "tcp 8080 open", "http 8080",
        "v2 123 items", "this is 2048 bytes", "RSA key is 2048 bit", "svc 123", "exec 4821",
        // "code" alone, or after a word that makes no secret of it: an error's, a product's, a zip code.
        "error code 5012", "exit code 1234", "status code 4041", "zip code 10115", "promo code 2024 applied",
        "OAuth code 482913", "barcode 48291307", "password 482913", "record 4821 saved", "sequence 48213",
        "error code for bob: 5012", "took: 1234 ms", "verification code for invalid user admin from host: 4829",
        "verification code sent. Retry for bob: 4829",
    })
    void leavesOtherNumbersAlone(String text) {
        assertEquals(text, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cvv 123", "otp is 482913"})
    void isPasswordKvs(String text) {
        Masker without = Masker.builder().detectors("credit_card", "email").build();
        assertEquals(text, without.mask(text));
    }
}
