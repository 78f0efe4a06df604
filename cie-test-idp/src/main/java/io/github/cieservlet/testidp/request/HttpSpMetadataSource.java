package io.github.cieservlet.testidp.request;

import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.SamlXmlException;
import java.io.IOException;

/**
 * Reads the service provider's metadata from its URL with a bounded read, lazily on first use (the service
 * provider lives in the same web application, which is not serving yet while it starts), caching it.
 */
public final class HttpSpMetadataSource implements SpMetadataSource {

    private static final Log LOG = Log.of(HttpSpMetadataSource.class);

    private final ResourceLocation location;
    private SpMetadata cached;

    /** @param url the service provider's metadata URL */
    public HttpSpMetadataSource(String url) {
        this.location = ResourceLocation.parse(url);
    }

    @Override
    public synchronized SpMetadata current() throws IOException {
        return cached != null ? cached : refresh();
    }

    @Override
    public synchronized SpMetadata refresh() throws IOException {
        byte[] xml = location.read(HttpSpMetadataSource.class.getClassLoader());
        try {
            cached = SpMetadata.parse(xml);
        } catch (SamlXmlException e) {
            throw new IOException("the service provider metadata at " + location + " is not usable: " + e.getMessage(), e);
        }
        LOG.info("cie-test-idp read the service provider metadata of {} from {}", cached.entityId(), location);
        return cached;
    }
}
