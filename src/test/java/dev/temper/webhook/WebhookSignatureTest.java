package dev.temper.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "0123456789abcdef".repeat(4);
    private static final String BODY = "{\"event\":\"alias.moved\"}";
    private static final long TIMESTAMP = 1_767_225_600L;

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Expected value from Python: hmac.new(secret, b'1767225600.' + body, hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("sha256=051e4694759c05fe0c11fa2230e9153ebe806699a4c172b036c4416e2ba07a8d");
    }

    @Test
    void aSignatureFitsOnlyItsBodyTimestampAndSecret() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY.replace("alias", "alibi"), signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP + 1, BODY, signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET.replace('0', '1'), TIMESTAMP, BODY, signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, null)).isFalse();
    }

    @Test
    void secretsAre32RandomBytesInHex() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSignature.newSecret();
            assertThat(secret).hasSize(64).matches("[0-9a-f]{64}");
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }
}
