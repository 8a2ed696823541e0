package dev.temper.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The X-Temper-Signature of a delivery: {@code sha256=} and the hex HMAC-SHA256, keyed with the webhook's secret
 * (its characters as UTF-8), of {@code timestamp + "." + body}. Signing the timestamp with the body lets a
 * receiver refuse an old delivery replayed with a new timestamp.
 */
public final class WebhookSignature {

    public static final String PREFIX = "sha256=";
    /** 32 random bytes, 256 bits: as many as the HMAC's own output. */
    static final int SECRET_BYTES = 32;

    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new webhook secret: {@value #SECRET_BYTES} random bytes as 64 hex characters. */
    static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + HMAC, e);
        }
    }

    /** Whether {@code signature} is this body's, compared in constant time as a receiver should. */
    public static boolean verify(String secret, long timestamp, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body)
                .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
