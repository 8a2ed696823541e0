package dev.temper.webhook;

import dev.temper.base.problem.ProblemException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a webhook may point: an absolute http or https URL of bounded length, with no credentials in it, whose
 * host resolves, and, unless private targets are allowed, only to public addresses. Without that rule a team admin
 * could make the server POST to its own network (the database, the cloud's metadata service): server-side request
 * forgery. The check runs at registration and again before every attempt, as a name may resolve elsewhere later.
 */
final class WebhookTarget {

    /** Resolves a host name to its addresses; tests give fixed answers. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver DNS = InetAddress::getAllByName;

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private WebhookTarget() {
    }

    /** The URL if a webhook may point there; otherwise a 400 whose detail names the rule it breaks. */
    static URI check(String url, boolean allowPrivate, Resolver resolver) {
        URI uri = parse(url);
        refusal(uri, allowPrivate, resolver).ifPresent(reason -> {
            throw ProblemException.badRequest("url: " + reason);
        });
        return uri;
    }

    /** Why a delivery may not be sent to this (already well-formed) URL now, if it may not. */
    static Optional<String> refusal(URI uri, boolean allowPrivate, Resolver resolver) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host '" + uri.getHost() + "' does not resolve");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("host '" + uri.getHost() + "' resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or otherwise internal address; webhooks may only "
                        + "point at public addresses");
            }
        }
        return Optional.empty();
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badRequest("url: required");
        }
        if (url.length() > Webhook.URL_MAX_LENGTH) {
            throw ProblemException.badRequest("url: at most " + Webhook.URL_MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("url: not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw ProblemException.badRequest("url: only http and https URLs are allowed"
                    + (scheme == null ? "" : ", not " + scheme));
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.badRequest("url: must not carry credentials (user:password@); the signature "
                    + "proves the sender");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ProblemException.badRequest("url: must name a host");
        }
        return uri;
    }

    /** Loopback, unspecified, private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT, multicast... */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local, fc00::/7
                return true;
            }
            if (v6.isIPv4CompatibleAddress()) { // ::a.b.c.d carries an IPv4 address that must pass too
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
