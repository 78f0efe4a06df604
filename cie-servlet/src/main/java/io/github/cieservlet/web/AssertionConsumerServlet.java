package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationEvent;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.AuthnRequestEncoder;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.validation.ValidatedResponse;
import io.github.cieservlet.store.PendingRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.opensaml.saml.saml2.core.Response;

/**
 * {@code POST /cie/acs}: the Assertion Consumer Service. Opens the login in progress that this browser carries
 * for the RelayState received (its sealed cookie: the binding to the browser, checked first) and drops the
 * cookie, validates the Response with every check of the CIE profile, then records the request as answered
 * (once only, atomically), rebuilds the AuthnRequest as sent for the evidence, tells the authentication
 * listeners, rotates the session id, stores the {@link CieIdentity} in the session and sends the browser to the
 * page it asked for. Any failure ends on an error page with a 4xx status.
 */
public final class AssertionConsumerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(AssertionConsumerServlet.class);
    private static final Log PROTOCOL = Log.named(Log.PROTOCOL);

    private transient CieServiceProvider provider;
    private transient AnswerEndpoint endpoint;
    private transient PendingLoginCookies pendingLogins;
    private transient AuthnRequestEncoder encoder;
    private transient LoginSuccess loginSuccess;

    @Override
    public void init() throws ServletException {
        provider = CieServiceProvider.from(getServletContext());
        CieSettings settings = provider.settings();
        endpoint = new AnswerEndpoint(provider, "POST", "ACS", this::idpEntityId);
        pendingLogins = PendingLoginCookies.of(provider);
        encoder = new AuthnRequestEncoder(settings.credentials());
        loginSuccess = new LoginSuccess(provider);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        endpoint.serve(request, response, this::consume);
    }

    private String idpEntityId() {
        try {
            return provider.idpMetadata().current().entityId();
        } catch (CieAuthenticationException e) {
            return null;
        }
    }

    private void consume(HttpServletRequest request, HttpServletResponse response, LoginEvidence evidence)
            throws CieAuthenticationException, IOException {
        Instant receivedAt = evidence.receivedAt();
        FormBody form = FormBody.read(request, provider.settings().maxResponseBytes());
        byte[] xml = decodeBase64(form.get("SAMLResponse"));
        evidence.response(xml);
        String relayState = form.get("RelayState");
        // the binding first: only this browser's own cookie for exactly this RelayState names a login; nothing
        // is consumed yet, so a stranger who knows the RelayState cannot cancel the login
        PendingRequest pending = pendingLogins.read(request, relayState)
                .orElseThrow(() -> new CieAuthenticationException(CieError.UNKNOWN_REQUEST, "no login in progress in"
                        + " this browser for this RelayState (unsolicited, already answered, or started in another browser)"));
        pendingLogins.clear(response, relayState);
        ErrorPageRenderer.rememberTarget(request, pending.target());
        String authnRequestXml = encoder.xmlAsSent(provider.loginRoutes().authnRequest(pending), pending.binding());
        evidence.request(pending.requestId(), authnRequestXml, pending.issueInstant());
        String context = "requestId=" + pending.requestId();
        if (!receivedAt.isBefore(pending.expiresAt())) {
            throw new CieAuthenticationException(CieError.REQUEST_EXPIRED, context + ": login started at "
                    + pending.issueInstant() + " expired at " + pending.expiresAt());
        }
        PROTOCOL.debug("Response for {}: {}", pending.requestId(), new String(xml, StandardCharsets.UTF_8));
        Response samlResponse;
        try {
            samlResponse = SecureXml.parse(xml, Response.class);
        } catch (SamlXmlException e) {
            throw new CieAuthenticationException(CieError.MALFORMED_RESPONSE, context + ": " + e.getMessage(), e);
        }
        ValidatedResponse validated;
        try {
            validated = provider.loginRoutes().validate(samlResponse, pending);
        } catch (CieAuthenticationException e) {
            throw new CieAuthenticationException(e.error(), context + ", responseId=" + samlResponse.getID() + ": "
                    + e.getMessage(), e);
        }
        // then consume, atomically: of two answers to one login (a copied cookie), one only logs in
        if (!provider.replayCache().firstUse("authnrequest:" + pending.requestId(), pending.expiresAt())) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, context + ": already answered");
        }
        CieIdentity identity = validated.identity();
        evidence.accepted(identity);
        loginSuccess.complete(request, response, new CieAuthenticationEvent(identity, new String(xml, StandardCharsets.UTF_8),
                authnRequestXml, pending.requestId(), validated.responseId(), validated.assertionId(), receivedAt),
                pending.target());
        LOG.info("{} login completed: requestId={}, responseId={}, assertionId={}, level={}", identity.getScheme().id(),
                pending.requestId(), validated.responseId(), validated.assertionId(), identity.getLevel());
    }

    private static byte[] decodeBase64(String value) throws CieAuthenticationException {
        if (value == null || value.isEmpty()) {
            throw new CieAuthenticationException(CieError.MISSING_RESPONSE, "no SAMLResponse parameter");
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new CieAuthenticationException(CieError.MISSING_RESPONSE, "SAMLResponse is not base64");
        }
    }
}
