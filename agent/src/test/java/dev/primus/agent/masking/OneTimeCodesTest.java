package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A one-time code after "OTP" in a sentence ({@link OneTimeCodes}) or after a key for one ({@link PasswordValues}). */
class OneTimeCodesTest {
    private final Masker masker = Masker.builder().detectors("password_kv").build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Sending OTP 482913 to the registered mobile | Sending OTP [PASSWORD_KV] to the registered mobile",
        "OTP for user bob is 482913 | OTP for user bob is [PASSWORD_KV]",
        "Your OTP is: 4829 | Your OTP is: [PASSWORD_KV]",
        "OTP code 48291307, valid for 5 minutes | OTP code [PASSWORD_KV], valid for 5 minutes",
        "OTP: 482913 | OTP: [PASSWORD_KV]",
        "otp=482913 | otp=[PASSWORD_KV]",
        "{\"otp\":\"482913\",\"user\":\"bob\"} | {\"otp\":\"[PASSWORD_KV]\",\"user\":\"bob\"}",
        "login_otp=482913 | login_otp=[PASSWORD_KV]",
        "mfaCode: 482913 | mfaCode: [PASSWORD_KV]",
        "verification_code=482913 | verification_code=[PASSWORD_KV]",
        "totp=482913 | totp=[PASSWORD_KV]",
        "verifyCode=482913 | verifyCode=[PASSWORD_KV]",
        "{\"activationCode\":\"48291307\"} | {\"activationCode\":\"[PASSWORD_KV]\"}",
        "email_code: 4829 | email_code: [PASSWORD_KV]",
        "twoFactorCode=482913 | twoFactorCode=[PASSWORD_KV]",
        "Your activation code 482913 expires soon | Your activation code [PASSWORD_KV] expires soon",
        "email code 4829 sent to the user | email code [PASSWORD_KV] sent to the user",
        // With password_kv alone, no number detector on: a code its word names is still found from its digits.
        "Your verification code is 482913 | Your verification code is [PASSWORD_KV]",
        "card ending 1111 cvv 123 | card ending 1111 cvv [PASSWORD_KV]",
    })
    void masksTheCodeOnly(String text, String masked) {
        assertEquals(masked, masker.mask(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Erlang/OTP: 25.3.2.8 [jit]", // a platform's release
        "Erlang/OTP 26 [erts-14.0] [source] [64-bit]",
        "OTP 2026.1 released",
        "OTP sent to the registered mobile",
        "OTP expired for user bob",
        "otp=enabled",
        "otp=sms",
        "OTP 12 attempts left",
        "OTP 4829138812345 is no code", // longer than a code
        "NOTP 482913", // not the word
        "OTP-482913",
        "validationCode=4001", // an error's code
        "activationCode=pending",
    })
    void leavesWhatIsNoCode(String text) {
        assertEquals(text, masker.mask(text));
    }
}
