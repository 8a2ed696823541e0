package dev.temper.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.base.problem.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL rules and the SSRF rule, with host names resolved from a fixed table instead of DNS. */
class WebhookTargetTest {

    private static final Map<String, String> HOSTS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "inside.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254");

    private static final WebhookTarget.Resolver FIXED = host -> {
        String address = HOSTS.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]")) {
            return InetAddress.getAllByName(host); // a literal: parsed, not looked up
        }
        throw new UnknownHostException(host);
    };

    @Test
    void aPublicHttpsOrHttpUrlIsAccepted() {
        assertThat(WebhookTarget.check("https://hooks.example.com/temper?x=1", false, FIXED).getHost())
                .isEqualTo("hooks.example.com");
        assertThat(WebhookTarget.check("http://93.184.216.34:8443/hook", false, FIXED).getPort()).isEqualTo(8443);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://10.0.0.8/",
            "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/", "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/",
            "http://[::ffff:10.0.0.1]/", "https://inside.example.com/", "https://metadata.example.com/"})
    void internalTargetsAreRefusedUnlessAllowed(String url) {
        assertThatThrownBy(() -> WebhookTarget.check(url, false, FIXED))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("internal address");
                });
        assertThat(WebhookTarget.check(url, true, FIXED)).isNotNull();
    }

    @Test
    void badUrlsAreRefusedNamingTheRule() {
        assertRefused("ftp://hooks.example.com/x", "only http and https");
        assertRefused("file:///etc/passwd", "only http and https");
        assertRefused("hooks.example.com/x", "only http and https");
        assertRefused("https://user:secret@hooks.example.com/x", "credentials");
        assertRefused("https://hooks.example.com/" + "a".repeat(Webhook.URL_MAX_LENGTH), "at most 2048");
        assertRefused("https://hooks example.com/", "not a valid URL");
        assertRefused("https:///nohost", "must name a host");
        assertRefused("https://nowhere.invalid/", "does not resolve");
        assertRefused(" ", "required");
    }

    @Test
    void publicAddressesAreNotInternal() throws UnknownHostException {
        assertThat(WebhookTarget.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(WebhookTarget.isInternal(InetAddress.getByName("2001:4860:4860::8888"))).isFalse();
        assertThat(WebhookTarget.isInternal(InetAddress.getByName("100.128.0.1"))).isFalse();
        assertThat(WebhookTarget.isInternal(InetAddress.getByName("100.127.255.255"))).isTrue();
    }

    private static void assertRefused(String url, String reason) {
        assertThatThrownBy(() -> WebhookTarget.check(url, true, FIXED))
                .as(url).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).startsWith("url: ").contains(reason);
                });
    }
}
