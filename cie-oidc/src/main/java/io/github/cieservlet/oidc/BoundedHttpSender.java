package io.github.cieservlet.oidc;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Sends the RP's HTTP requests (federation fetches, token, UserInfo, JWKS) with the limits an answer from the network
 * deserves: https only (plain http only to the loopback), no redirect followed (a redirection is an error, so a
 * signed URL cannot be bent to another origin), a size cap and timeouts.
 */
final class BoundedHttpSender implements HTTPRequestSender {

    /** Connect and read timeout, milliseconds, when the request names none. */
    static final int DEFAULT_TIMEOUT_MILLIS = 10_000;

    private final int maxBytes;

    /** @param maxBytes the largest body read */
    BoundedHttpSender(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The answer is larger than the configured limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        URI uri;
        try {
            uri = request.getURL().toURI();
        } catch (URISyntaxException e) {
            throw new IOException("not a URI: " + request.getURL(), e);
        }
        if (!Urls.isHttpsOrLoopback(uri)) {
            throw new IOException("refused to call a non-https URL: " + uri);
        }
        HttpURLConnection connection = (HttpURLConnection) request.getURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(request.getConnectTimeout() > 0 ? request.getConnectTimeout() : DEFAULT_TIMEOUT_MILLIS);
        connection.setReadTimeout(request.getReadTimeout() > 0 ? request.getReadTimeout() : DEFAULT_TIMEOUT_MILLIS);
        connection.setRequestMethod(request.getMethod().name());
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            for (String value : header.getValue()) {
                connection.addRequestProperty(header.getKey(), value);
            }
        }
        String body = request.getBody();
        if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            int status = connection.getResponseCode();
            if (status >= 300 && status < 400) {
                throw new IOException("refused to follow a redirection (" + status + ") from " + uri + " to "
                        + connection.getHeaderField("Location"));
            }
            if (connection.getContentLengthLong() > maxBytes) {
                throw new TooLargeException("the answer of " + uri + " announces " + connection.getContentLengthLong()
                        + " bytes; the limit is " + maxBytes);
            }
            HTTPResponse response = new HTTPResponse(status);
            String contentType = connection.getContentType();
            if (contentType != null) {
                response.setHeader("Content-Type", contentType);
            }
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            response.setBody(stream == null ? "" : read(stream, uri));
            return response;
        } finally {
            connection.disconnect();
        }
    }

    private String read(InputStream stream, URI uri) throws IOException {
        try (InputStream in = stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new TooLargeException("the answer of " + uri + " is larger than " + maxBytes + " bytes");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
