package io.github.cieservlet.testidp.web;

import io.github.cieservlet.testidp.idp.IdpMetadataDocument;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /cie-test-idp/metadata}: the IdP metadata, built once at startup. */
public final class MetadataServlet extends IdpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] metadata;

    /** @param metadata the metadata document from {@link IdpMetadataDocument#build} */
    public MetadataServlet(byte[] metadata) {
        super("GET");
        this.metadata = metadata.clone();
    }

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(IdpMetadataDocument.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(metadata.length);
        response.getOutputStream().write(metadata);
    }
}
