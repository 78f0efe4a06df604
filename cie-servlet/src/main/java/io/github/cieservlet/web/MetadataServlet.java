package io.github.cieservlet.web;

import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.SpEndpoints;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /cie/metadata}: the service provider's signed metadata, built and signed once at startup, to be
 * uploaded to the CIE federation portal; {@code GET /cie/metadata/spid}: the SPID metadata (with the FICEP
 * indexes 99 and 100 for eIDAS), to be registered with AgID, only when {@code cie.schemes} has spid or eidas
 * (404 otherwise, and for any other path under the metadata path). {@code ?download} serves either as a file.
 * The document is chosen on the mapped path (servlet path + path info), never on the raw URI.
 */
public final class MetadataServlet extends HttpServlet {

    /** The path, below the metadata path, of the SPID metadata. */
    public static final String SPID_PATH_INFO = "/spid";

    private static final long serialVersionUID = 1L;

    private transient byte[] metadata;
    private transient byte[] spidMetadata;
    private transient String metadataPath;

    @Override
    public void init() throws ServletException {
        CieServiceProvider provider = CieServiceProvider.from(getServletContext());
        metadata = provider.spMetadataXml().getBytes(StandardCharsets.UTF_8);
        spidMetadata = provider.spidMetadataXml().map(xml -> xml.getBytes(StandardCharsets.UTF_8)).orElse(null);
        metadataPath = provider.settings().endpoints().path(SpEndpoints.METADATA);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        byte[] document;
        String fileName;
        if (path.equals(metadataPath)) {
            document = metadata;
            fileName = "cie-sp-metadata.xml";
        } else if (path.equals(metadataPath + SPID_PATH_INFO) && spidMetadata != null) {
            document = spidMetadata;
            fileName = "spid-sp-metadata.xml";
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/samlmetadata+xml;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getParameter("download") != null) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        }
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
