package io.github.cieservlet.web;

import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.spi.PublishedDocument;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET <cie.pathPrefix><path>}: the documents the configured login protocol publishes (for OIDC, the relying
 * party's entity configuration at {@code /cie/oidc/.well-known/openid-federation}), each made anew per request
 * (a signed statement with fresh times). The document is chosen by the servlet path the container mapped.
 */
public final class ProtocolDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient Map<String, PublishedDocument> documents;

    @Override
    public void init() throws ServletException {
        CieServiceProvider provider = CieServiceProvider.from(getServletContext());
        SpEndpoints endpoints = provider.settings().endpoints();
        documents = new HashMap<>();
        provider.protocol().ifPresent(protocol -> protocol.documents()
                .forEach(document -> documents.put(endpoints.path(document.path()), document)));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PublishedDocument document = documents.get(request.getServletPath());
        if (document == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = document.body().getBytes(StandardCharsets.UTF_8);
        response.setContentType(document.mediaType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
