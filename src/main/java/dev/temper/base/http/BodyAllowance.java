package dev.temper.base.http;

import java.util.regex.Pattern;

/**
 * An API request whose body may exceed the JSON limit, declared by the feature that serves it (a CDI bean), so that
 * the limit in front of every resource needs to know no feature. {@code maxBytes} is {@link #STREAMED} for uploads
 * that check their own size while they stream to disk.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the normalised path it matches, whole
 * @param maxBytes the largest body taken, or {@link #STREAMED}
 * @param what the body, for the refusal's message ("a dataset upload")
 */
public record BodyAllowance(String method, Pattern path, long maxBytes, String what) {

    /** Bounded by the upload's own checks and the server's overall limit, and may arrive chunked. */
    public static final long STREAMED = -1;

    public boolean matches(String requestMethod, String requestPath) {
        return method.equals(requestMethod) && path.matcher(requestPath).matches();
    }

    public boolean streamed() {
        return maxBytes == STREAMED;
    }
}
