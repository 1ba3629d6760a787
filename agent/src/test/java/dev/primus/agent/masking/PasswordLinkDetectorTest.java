package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** password_kv: the token of a password-reset link in a request's path ({@link PasswordLinks}). */
class PasswordLinkDetectorTest {
    private final Masker masker = Masker.builder().detectors("password_kv").build();

    /** TOKEN is replaced by each kind of token in turn. */
    @ParameterizedTest
    @ValueSource(strings = {
        "GET /reset-password/TOKEN HTTP/1.1",
        "127.0.0.1 - - [06/Dec/2026:10:00:00 +0000] \"GET /account/forgot-password/confirm/TOKEN?lang=en HTTP/1.1\" 200 512",
        "POST /api/v1/password/reset/TOKEN 204 12ms",
        "Mapped to /password-reset/TOKEN/complete",
        "{\"route\":\"/auth/Password/Reset/TOKEN\",\"status\":302}",
        "redirecting to https://app.example.com/reset-password/TOKEN#step2",
        "request [GET /change-password/TOKEN] handled",
        "GET /forgot_password/TOKEN HTTP/1.1", // after a '_', where the scan asks at the '_'
        "GET /users/RESET_PASSWORD/confirm/TOKEN 200",
    })
    void masksTheTokenOfAResetLink(String form) {
        String[] tokens = {
            "550e8400-e29b-41d4-a716-446655440000", // a UUID
            "9f86d081884c7d659a2feaa0c55ad015", // hex
            "Zm9vYmFyYmF6cXV4MTIz_NDU2Nzg", // base64url, both cases and a digit
            "k3j5h6g7f8d9s0a1q2w3e4r5", // lower case and digits
        };
        for (String token : tokens) {
            assertEquals(form.replace("TOKEN", "[PASSWORD_KV]"), masker.mask(form.replace("TOKEN", token)), token);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POST /api/users/42/password 204", // the token-shaped segment is before the word
        "POST /api/users/550e8400-e29b-41d4-a716-446655440000/password 204",
        "GET /password/reset-instructions.html", "GET /password-policy/v2/details", "GET /password/reset/confirm-2fa-setup",
        "/reset-password/abcdefghijklmnopqrstuv", // no digit: a word
        "GET /password/reset/9f86d081884c7d659a2feaa0c55ad015.png", // a file's name
        "GET /password/history/1234567890123456", // digits only
        "GET /password/a/b/c/9f86d081884c7d659a2feaa0c55ad015", // more than three segments on
        "the password reset 9f86d081884c7d659a2feaa0c55ad015 failed", // no path
        "GET /passwords.txt/9f86d081884c7d659a2feaa0c55ad015", "GET /compass/9f86d081884c7d659a2feaa0c55ad015",
        "GET /reset-password?token=", // the query is a keyed value's
        "db_password_file=/etc/secrets/9f86d081884c7d659a2feaa0c55ad015", // a '_' before the word, no path segment
        "order_pass_count=12 user_passport_id=X1234567890abcdef1234",
        "GET /forgot_password/instructions 200", "GET /api/user_passwords/9f86d081884c7d659a2feaa0c55ad015.png",
    })
    void leavesOtherPathsAlone(String text) {
        assertEquals(text, masker.mask(text));
    }
}
