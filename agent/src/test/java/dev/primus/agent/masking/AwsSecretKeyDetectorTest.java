package dev.primus.agent.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsSecretKeyDetectorTest {
    /** The example secret access key of the AWS documentation: 40 chars. */
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final Masker masker = Masker.builder().detectors("aws_secret_key").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "aws_secret_access_key = {}", // bare: the line of ~/.aws/credentials
        "AWS_SECRET_ACCESS_KEY={}",
        "{\"Credentials\":{\"AccessKeyId\":\"ASIAEXAMPLE\",\"SecretAccessKey\":\"{}\",\"SessionToken\":\"x\"}}",
        "X-Aws-Secret-Access-Key: {}",
        "loaded aws.secretAccessKey: '{}' from the profile",
        "aws_secret_key={}",
        // The name, a space, the value: the AWS CLI's own command, a shell trace, a sentence.
        "aws configure set aws_secret_access_key {}", "+ aws configure set aws_secret_access_key '{}'",
        "using AWS_SECRET_ACCESS_KEY {} for the upload", "aws_secret_key\t{}",
        "aws configure set aws_secret_access_key \"{}\" --profile prod",
    })
    void masksTheSecretAndKeepsItsNameInEveryWrittenForm(String form) {
        assertEquals(form.replace("{}", "[AWS_SECRET_KEY]"), masker.mask(form.replace("{}", SECRET)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE", // 39 chars
        "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYS", // 41
        "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI_K7MDENG-bPxRfiCYEXAMPLEKEY", // '_' and '-' are not base64
        "AWS_SESSION_NAME=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", // another key's value
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", // alone: could be a hash or an id
        "AWS_SECRET_ACCESS_KEY=", "aws_secret_access_key_id=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE", // 39 after a space
        "aws_secret_access_key_id wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "aws_region wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "xaws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key is rotated daily",
    })
    void leavesLookAlikesAlone(String text) {
        assertEquals("value " + text + " end", masker.mask("value " + text + " end"));
    }
}
