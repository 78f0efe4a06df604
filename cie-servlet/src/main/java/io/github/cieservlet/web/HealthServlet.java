package io.github.cieservlet.web;

import io.github.cieservlet.bootstrap.CieMonitor;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.HealthAccess;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code GET /cie/health} (only with {@code cie.health} set): the JMX numbers as JSON for load balancers and
 * monitoring, 200 when logins can work (IdP metadata in use, SP certificate valid), 503 otherwise. Readable from
 * loopback only or with the bearer token; anyone else gets 404, as if it did not exist.
 */
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient CieServiceProvider provider;
    private transient HealthAccess access;

    @Override
    public void init() {
        provider = CieServiceProvider.from(getServletContext());
        access = provider.settings().health();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CieMonitor monitor = provider.monitor();
        // a login protocol (cie.protocol) resolves its identity provider per login: no SAML metadata to wait for
        boolean up = (provider.protocol().isPresent() || provider.idpMetadata().inUse().isPresent())
                && monitor.getSpCertificateDaysToExpiry() >= 0;
        StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append('"')
                .append(",\"loginsAccepted\":").append(monitor.getLoginsAccepted())
                .append(",\"refusals\":{");
        int n = 0;
        for (Map.Entry<String, Long> refusal : monitor.getRefusals().entrySet()) {
            json.append(n++ == 0 ? "" : ",").append('"').append(refusal.getKey()).append("\":").append(refusal.getValue());
        }
        json.append("},\"evidenceStoreFailures\":").append(monitor.getEvidenceStoreFailures())
                .append(",\"idpMetadataAgeSeconds\":").append(monitor.getIdpMetadataAgeSeconds())
                .append(",\"idpMetadataLastRefreshOutcome\":\"")
                .append(escape(monitor.getIdpMetadataLastRefreshOutcome())).append('"')
                .append(",\"spCertificateDaysToExpiry\":").append(monitor.getSpCertificateDaysToExpiry())
                .append(",\"idpCertificateDaysToExpiry\":").append(monitor.getIdpCertificateDaysToExpiry()).append('}');
        PageWriter.noStore(response);
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private boolean allowed(HttpServletRequest request) {
        if (access.loopbackOnly()) {
            try {
                return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
        String header = request.getHeader("Authorization");
        String expected = "Bearer " + access.token();
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
