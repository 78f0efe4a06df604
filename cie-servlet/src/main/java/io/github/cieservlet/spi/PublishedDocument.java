package io.github.cieservlet.spi;

import java.util.Objects;
import java.util.function.Supplier;

/** A document a protocol serves: its path under the library's path prefix, its media type, its current body. */
public final class PublishedDocument {

    private final String path;
    private final String mediaType;
    private final Supplier<String> body;

    /**
     * @param path the path under the library's path prefix, starting with {@code /}
     * @param mediaType the media type
     * @param body makes the current body (e.g. signs it now)
     */
    public PublishedDocument(String path, String mediaType, Supplier<String> body) {
        this.path = Objects.requireNonNull(path, "path");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** @return the path */
    public String path() {
        return path;
    }

    /** @return the media type */
    public String mediaType() {
        return mediaType;
    }

    /** @return the current body */
    public String body() {
        return body.get();
    }
}
