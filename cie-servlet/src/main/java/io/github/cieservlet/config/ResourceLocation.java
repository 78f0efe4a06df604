package io.github.cieservlet.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a configured document lives: an http(s) URL, a {@code file:} path (or plain path), or a
 * {@code classpath:} resource. Reads are bounded in size and, for URLs, in time.
 */
public final class ResourceLocation {

    /** Largest document read from any location. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(15);

    /** The kind of location. */
    public enum Kind {
        /** An http or https URL. */
        URL,
        /** A file on the server. */
        FILE,
        /** A resource of the web application's class loader. */
        CLASSPATH
    }

    private final Kind kind;
    private final String location;

    private ResourceLocation(Kind kind, String location) {
        this.kind = kind;
        this.location = location;
    }

    /**
     * @param text {@code https://...}, {@code http://...}, {@code file:/...}, {@code classpath:...} or a plain path
     * @return the location
     * @throws IllegalArgumentException when the text is not a usable location
     */
    public static ResourceLocation parse(String text) {
        Objects.requireNonNull(text, "text");
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("URL has no host: " + text);
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid URL: " + text, e);
            }
            return new ResourceLocation(Kind.URL, text);
        }
        if (lower.startsWith("classpath:")) {
            String resource = text.substring("classpath:".length());
            while (resource.startsWith("/")) {
                resource = resource.substring(1);
            }
            if (resource.isEmpty()) {
                throw new IllegalArgumentException("classpath: needs a resource name");
            }
            return new ResourceLocation(Kind.CLASSPATH, resource);
        }
        if (lower.startsWith("file:")) {
            try {
                return new ResourceLocation(Kind.FILE, Paths.get(new URI(text)).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid file: URL (use file:/absolute/path): " + text, e);
            }
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("unsupported scheme (use https://, file: or classpath:): " + text);
        }
        return new ResourceLocation(Kind.FILE, text);
    }

    /** @return the kind of location */
    public Kind kind() {
        return kind;
    }

    /** @return the URL, file path or class path resource name */
    public String location() {
        return location;
    }

    /** @return whether this is a plain-http URL (acceptable only for the local test IdP) */
    public boolean isPlainHttp() {
        return kind == Kind.URL && location.toLowerCase(Locale.ROOT).startsWith("http://");
    }

    /**
     * For files: whether the file exists and can be read; URLs and class path resources are checked when read.
     *
     * @return a problem description, or null when nothing is known to be wrong
     */
    public String checkReadable() {
        if (kind == Kind.FILE) {
            Path path = Paths.get(location);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                return "file " + path.toAbsolutePath() + " does not exist or cannot be read";
            }
        }
        return null;
    }

    /**
     * Reads the whole document.
     *
     * @param classLoader the loader for {@code classpath:} locations
     * @return the bytes
     * @throws IOException when the document cannot be read or is larger than {@link #MAX_BYTES}
     */
    public byte[] read(ClassLoader classLoader) throws IOException {
        switch (kind) {
            case FILE:
                try (InputStream in = Files.newInputStream(Paths.get(location))) {
                    return readBounded(in);
                }
            case CLASSPATH:
                try (InputStream in = classLoader.getResourceAsStream(location)) {
                    if (in == null) {
                        throw new IOException("no class path resource " + location);
                    }
                    return readBounded(in);
                }
            default:
                return fetch();
        }
    }

    /**
     * One GET over {@link HttpURLConnection}, redirects not followed, the connection closed after it: unlike
     * {@code java.net.http.HttpClient} it leaves no selector or worker thread behind, so undeploying the
     * application leaks no thread or class loader.
     */
    private byte[] fetch() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(location).toURL().openConnection();
        try {
            connection.setConnectTimeout((int) HTTP_TIMEOUT.toMillis());
            connection.setReadTimeout((int) HTTP_TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Connection", "close");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("GET " + location + " answered HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return readBounded(in);
            }
        } finally {
            connection.disconnect();
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > MAX_BYTES) {
                throw new IOException(this + " is larger than " + MAX_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return kind == Kind.CLASSPATH ? "classpath:" + location : location;
    }
}
