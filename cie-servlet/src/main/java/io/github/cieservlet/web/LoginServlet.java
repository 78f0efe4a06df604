package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.AuthnRequestEncoder;
import io.github.cieservlet.saml.spid.LoginRoute;
import io.github.cieservlet.saml.SamlIds;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.spi.LoginStart;
import io.github.cieservlet.store.PendingProtocolLogin;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.store.RelayStateTokens;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * {@code GET|POST /cie/login?target=/page[&scheme=spid&idp=<entity ID>|&scheme=eidas]}: starts a CIE login, or a
 * SPID or eIDAS one (the route: {@link io.github.cieservlet.saml.spid.LoginRoutes}). Checks that the target is a page of this
 * application, gives the browser the login in progress sealed in a cookie named after a fresh opaque RelayState
 * (the server keeps nothing), and sends the browser to the identity provider with a signed AuthnRequest (an
 * auto-submitting form for HTTP-POST, or a signed Redirect).
 */
public final class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(LoginServlet.class);
    private static final Log PROTOCOL = Log.named(Log.PROTOCOL);

    private transient CieServiceProvider provider;
    private transient ErrorPageRenderer errorPages;
    private transient PendingLoginCookies pendingLogins;
    private transient AuthnRequestEncoder encoder;

    @Override
    public void init() throws ServletException {
        provider = CieServiceProvider.from(getServletContext());
        CieSettings settings = provider.settings();
        errorPages = new ErrorPageRenderer(settings.endpoints().path(SpEndpoints.LOGIN));
        pendingLogins = PendingLoginCookies.of(provider);
        encoder = new AuthnRequestEncoder(settings.credentials());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        startLogin(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        startLogin(request, response);
    }

    private void startLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String target = TargetUrlPolicy.check(request.getParameter("target"))
                    .orElseThrow(() -> new CieAuthenticationException(CieError.INVALID_TARGET,
                            "target is not a path of this application"));
            send(request, response, target);
        } catch (CieAuthenticationException e) {
            errorPages.render(request, response, e.error(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while starting a CIE login", e);
            errorPages.render(request, response, CieError.INTERNAL_ERROR, "unexpected " + e.getClass().getName());
        }
    }

    private void send(HttpServletRequest request, HttpServletResponse response, String target)
            throws CieAuthenticationException, IOException {
        Optional<LoginProtocol> protocol = provider.protocol();
        if (protocol.isPresent()) {
            sendWith(protocol.get(), request, response, target);
            return;
        }
        CieSettings settings = provider.settings();
        LoginRoute route = provider.loginRoutes().route(request.getParameter("scheme"), request.getParameter("idp"));
        RequestBinding binding = settings.binding();
        String destination = route.idp().ssoUrl(binding).orElseThrow(() -> new CieAuthenticationException(
                CieError.IDP_METADATA_UNAVAILABLE, "the IdP metadata has no SingleSignOnService for " + binding));
        Instant now = provider.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        String requestId = SamlIds.newId();
        String relayState = RelayStateTokens.newToken();
        PendingRequest pending = new PendingRequest(requestId, now, route.level(), route.comparison(), target,
                destination, binding, now.plus(settings.pendingRequestTimeout()), route.scheme(),
                route.recordedIdpEntityId(), route.attributeConsumingServiceIndex());
        // every check before the (costly) signature: a refusal signs nothing
        String sealed = pendingLogins.seal(relayState, pending).orElseThrow(() -> new CieAuthenticationException(
                CieError.INVALID_TARGET, "target too long to carry through the login (" + target.length() + " chars)"));
        pendingLogins.add(request, response, relayState, sealed, now);
        AuthnRequest authnRequest = provider.loginRoutes().authnRequest(pending);
        String redirectQuery = binding == RequestBinding.REDIRECT ? encoder.redirectQuery(authnRequest, relayState) : null;
        String xml = encoder.xmlAsSent(authnRequest, binding);
        LOG.info("{} login started: requestId={}, idp={}, binding={}, level={}", route.scheme().id(), requestId,
                route.idp().entityId(), binding, route.level());
        PROTOCOL.debug("AuthnRequest {}: {}", requestId, xml);
        PageWriter.noStore(response);
        if (binding == RequestBinding.POST) {
            writeAutoPostForm(response, route.scheme(), destination, xml, relayState);
        } else {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", destination + (destination.contains("?") ? "&" : "?") + redirectQuery);
        }
    }

    private void sendWith(LoginProtocol protocol, HttpServletRequest request, HttpServletResponse response,
            String target) throws CieAuthenticationException {
        CieSettings settings = provider.settings();
        Instant now = provider.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        LoginStart start = protocol.start(settings.level());
        String sealed = pendingLogins.sealProtocolLogin(start.correlation(), new PendingProtocolLogin(start.pending(),
                target, now, now.plus(settings.pendingRequestTimeout()))).orElseThrow(() -> new CieAuthenticationException(
                        CieError.INVALID_TARGET, "target too long to carry through the login (" + target.length() + " chars)"));
        pendingLogins.add(request, response, start.correlation(), sealed, now);
        LOG.info("CIE login started: protocol={}, level={}", settings.protocol(), settings.level());
        PageWriter.noStore(response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", start.location().toString());
    }

    private static void writeAutoPostForm(HttpServletResponse response, LoginScheme scheme, String destination,
            String signedXml, String relayState) throws IOException {
        String nonce = RelayStateTokens.newToken();
        String encoded = Base64.getEncoder().encodeToString(signedXml.getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(destination);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String name = scheme == LoginScheme.EIDAS ? "eIDAS" : scheme.name();
        String body = "<h1>Entra con " + name + "</h1><form method=\"post\" action=\"" + Html.escape(destination) + "\">"
                + "<input type=\"hidden\" name=\"SAMLRequest\" value=\"" + Html.escape(encoded) + "\">"
                + "<input type=\"hidden\" name=\"RelayState\" value=\"" + Html.escape(relayState) + "\">"
                + "<noscript><p>JavaScript è disattivato: premi il pulsante per continuare."
                + " / JavaScript is off: press the button to continue.</p></noscript>"
                + "<button type=\"submit\">Prosegui verso " + name + " / Continue to " + name + "</button></form>"
                + "<script nonce=\"" + nonce + "\">document.forms[0].submit();</script>";
        PageWriter.write(response, HttpServletResponse.SC_OK, "it", "Entra con " + name, body, origin, nonce);
    }
}
