package io.github.cieservlet.web;

import io.github.cieservlet.bootstrap.CieServiceProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /cie/metadata}: the service provider's signed metadata, built and signed once at startup, to be
 * uploaded to the CIE federation portal. {@code ?download} serves it as a file.
 */
public final class MetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient byte[] metadata;

    @Override
    public void init() throws ServletException {
        metadata = CieServiceProvider.from(getServletContext()).spMetadataXml().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/samlmetadata+xml;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getParameter("download") != null) {
            response.setHeader("Content-Disposition", "attachment; filename=\"cie-sp-metadata.xml\"");
        }
        response.setContentLength(metadata.length);
        response.getOutputStream().write(metadata);
    }
}
