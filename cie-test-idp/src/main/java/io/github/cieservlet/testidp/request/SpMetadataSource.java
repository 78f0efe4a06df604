package io.github.cieservlet.testidp.request;

import java.io.IOException;

/** Where the IdP gets the (single) service provider's metadata from. */
public interface SpMetadataSource {

    /**
     * @return the metadata, read on first use and then cached
     * @throws IOException when it cannot be read or is not usable SP metadata
     */
    SpMetadata current() throws IOException;

    /**
     * Reads the metadata again, for when a request does not verify with the cached one (the service provider
     * may have restarted with a new key).
     *
     * @return the fresh metadata, now cached
     * @throws IOException when it cannot be read or is not usable SP metadata
     */
    SpMetadata refresh() throws IOException;
}
