package dev.temper.dataset;

import dev.temper.testsupport.KeycloakTestResource;
import dev.temper.testsupport.Tokens;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written by hand, for what HTTP clients will not do: a head that promises more than
 * follows, or a chunked body of an exact size. Signed in as alice.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends the head and, when {@code chunkedBytes} is positive, that many zero bytes as a chunked body;
     * returns the answer up to the closing brace of its problem+json body (plain or chunked), or the end of the connection.
     */
    static String exchange(String pathAndQuery, String headers, int chunkedBytes) throws IOException {
        String token = Tokens.accessToken(KeycloakTestResource.realmUrl(), "alice");
        int port = RestAssured.port;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                    + token + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (chunkedBytes > 0) {
                byte[] chunk = new byte[1 << 16];
                for (int left = chunkedBytes; left > 0; left -= chunk.length) {
                    int size = Math.min(left, chunk.length);
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, size);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[1024];
        try {
            while (!answer.toString().contains("}")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            // A server still waiting for the body never answers; what came so far tells the assertion why.
            answer.append("[no complete answer within the timeout]");
        }
        return answer.toString();
    }
}
