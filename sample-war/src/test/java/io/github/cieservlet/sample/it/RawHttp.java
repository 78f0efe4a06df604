package io.github.cieservlet.sample.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request over a plain socket, with the request target exactly as given: no client library
 * normalises its dot segments, path parameters or encodings, as an attacker's tool would not.
 */
final class RawHttp {

    /** What the server answered. */
    static final class Answer {
        final int status;
        final List<String> headerLines;
        final String body;

        Answer(int status, List<String> headerLines, String body) {
            this.status = status;
            this.headerLines = headerLines;
            this.body = body;
        }

        /** @return the first value of a header, or null */
        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** @return every value of a header */
        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : headerLines) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    values.add(line.substring(prefix.length()).trim());
                }
            }
            return values;
        }

        @Override
        public String toString() {
            return status + " " + headerLines + "\n" + (body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    private RawHttp() {
    }

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}
     * @param rawTarget the request target, sent byte for byte, e.g. {@code /cie/..;/area-riservata/}
     * @param cookieHeader a Cookie header value, or null
     * @return the answer
     * @throws IOException when the connection fails
     */
    static Answer get(String baseUrl, String rawTarget, String cookieHeader) throws IOException {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + rawTarget + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n" + (cookieHeader == null ? "" : "Cookie: " + cookieHeader + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> headerLines = new ArrayList<>(List.of(lines).subList(1, lines.length));
            return new Answer(status, headerLines, end < 0 ? "" : text.substring(end + 4));
        }
    }
}
