package io.github.cieservlet.testidp;

import com.nimbusds.jose.JOSEException;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.idp.IdpMetadataDocument;
import io.github.cieservlet.testidp.idp.IdpScheme;
import io.github.cieservlet.testidp.oidc.FederatedRelyingParties;
import io.github.cieservlet.testidp.oidc.OidcTestFederation;
import io.github.cieservlet.testidp.request.AuthnRequestChecker;
import io.github.cieservlet.testidp.request.HttpSpMetadataSource;
import io.github.cieservlet.testidp.request.LogoutRequestChecker;
import io.github.cieservlet.testidp.request.SpMetadataSource;
import io.github.cieservlet.testidp.response.ResponseBuilder;
import io.github.cieservlet.testidp.web.ContinueServlet;
import io.github.cieservlet.testidp.web.LoopbackOnlyFilter;
import io.github.cieservlet.testidp.web.MetadataServlet;
import io.github.cieservlet.testidp.web.OidcServlet;
import io.github.cieservlet.testidp.web.PendingLogins;
import io.github.cieservlet.testidp.web.SloServlet;
import io.github.cieservlet.testidp.web.SsoServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Run by {@link TestIdpInitializer} (also with a {@code metadata-complete} web.xml), or declared in web.xml: once
 * per application, when {@link ActivationGuard} allows it, makes the IdP key and registers the endpoints under
 * {@value IdpEndpoints#BASE_PATH}, each behind {@link LoopbackOnlyFilter} (only direct requests from this
 * machine); otherwise registers nothing and logs one INFO line.
 *
 * <table>
 * <caption>Endpoints (under the public base URL)</caption>
 * <tr><th>Path</th><th>Method</th><th>What</th></tr>
 * <tr><td>/cie-test-idp/metadata</td><td>GET</td><td>IdP metadata</td></tr>
 * <tr><td>/cie-test-idp/profile/SAML2/POST/SSO</td><td>POST</td><td>SSO, HTTP-POST binding (also the entity ID)</td></tr>
 * <tr><td>/cie-test-idp/profile/SAML2/Redirect/SSO</td><td>GET</td><td>SSO, HTTP-Redirect binding</td></tr>
 * <tr><td>/cie-test-idp/profile/SAML2/continue</td><td>POST</td><td>the developer's choice of citizen and outcome</td></tr>
 * <tr><td>/cie-test-idp/profile/SAML2/Redirect/SLO</td><td>GET, POST</td><td>"Logout effettuato con successo"</td></tr>
 * <tr><td>/cie-test-idp/spid/metadata, /cie-test-idp/ficep/metadata</td><td>GET</td><td>the SPID and FICEP
 * IdPs' signed metadata (entity IDs /cie-test-idp/spid and /cie-test-idp/ficep)</td></tr>
 * <tr><td>/cie-test-idp/spid/sso, /cie-test-idp/ficep/sso</td><td>POST, GET</td><td>SSO, HTTP-POST (POST) and
 * HTTP-Redirect (GET)</td></tr>
 * <tr><td>/cie-test-idp/spid/continue, /cie-test-idp/ficep/continue</td><td>POST</td><td>the developer's choice</td></tr>
 * <tr><td>/cie-test-idp/spid/slo, /cie-test-idp/ficep/slo</td><td>GET, POST</td><td>logout: a signed
 * LogoutResponse to a LogoutRequest, else the logout page</td></tr>
 * <tr><td>/cie-test-idp/oidc/ta/...</td><td>GET</td><td>OIDC trust anchor: entity configuration, {@code fetch}</td></tr>
 * <tr><td>/cie-test-idp/oidc/op/...</td><td>GET, POST</td><td>OIDC provider: entity configuration, authorization
 * (chooser), continue, token, userinfo, jwks</td></tr>
 * </table>
 */
public final class TestIdpListener implements ServletContextListener {

    /** ServletContext attribute set once the test IdP has decided whether to run, so it starts only once. */
    static final String STARTED_ATTRIBUTE = TestIdpListener.class.getName() + ".started";

    /**
     * Servlet context attribute holding the public JWKS (JSON) of the local OIDC trust anchor, whose keys are made at
     * startup: what a relying party in the same application pins in the {@code local} environment.
     */
    public static final String OIDC_TRUST_ANCHOR_JWKS_ATTRIBUTE = "io.github.cieservlet.testidp.oidc.trustAnchorJwks";

    private static final Log LOG = Log.of(TestIdpListener.class);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getAttribute(STARTED_ATTRIBUTE) != null) {
            return;
        }
        context.setAttribute(STARTED_ATTRIBUTE, Boolean.TRUE);
        ActivationGuard.Decision decision = ActivationGuard.decide(ParamSource.withProcessOverrides(initParameters(context)));
        if (!decision.active()) {
            LOG.info("cie-test-idp is not active: {}", decision.reason());
            return;
        }
        Clock clock = Clock.systemUTC();
        List<String> names = new ArrayList<>();
        IdpEndpoints idp = new IdpEndpoints(decision.publicBaseUrl());
        registerSaml(context, names, idp, new HttpSpMetadataSource(decision.spMetadataUrl()), clock);
        HttpSpMetadataSource spidMetadata = new HttpSpMetadataSource(decision.spidSpMetadataUrl());
        for (IdpScheme scheme : List.of(IdpScheme.SPID, IdpScheme.FICEP)) {
            registerSaml(context, names, new IdpEndpoints(scheme, decision.publicBaseUrl()), spidMetadata, clock);
        }
        OidcTestFederation oidc = oidcFederation(decision.publicBaseUrl(), clock);
        context.setAttribute(OIDC_TRUST_ANCHOR_JWKS_ATTRIBUTE, oidc.trustAnchorKeys().toString());
        register(context, names, "cieTestIdpOidc", new OidcServlet(oidc), OidcServlet.PATH);
        FilterRegistration.Dynamic loopbackOnly = context.addFilter("cieTestIdpLoopbackOnly", new LoopbackOnlyFilter());
        if (loopbackOnly == null) {
            throw new IllegalStateException("cie-test-idp: a filter named cieTestIdpLoopbackOnly is already registered");
        }
        loopbackOnly.addMappingForServletNames(EnumSet.allOf(DispatcherType.class), false, names.toArray(String[]::new));
        LOG.warn("cie-test-idp is ACTIVE ({}): anyone can log in as a test citizen. Metadata at {}; the service"
                + " provider metadata will be read from {}. SPID and eIDAS (FICEP) test IdPs: {}, {}, reading {}",
                decision.reason(), idp.metadataUrl(), decision.spMetadataUrl(),
                new IdpEndpoints(IdpScheme.SPID, decision.publicBaseUrl()).metadataUrl(),
                new IdpEndpoints(IdpScheme.FICEP, decision.publicBaseUrl()).metadataUrl(),
                decision.spidSpMetadataUrl());
    }

    /**
     * Registers one SAML test IdP: its own key, metadata, SSO, continue and logout endpoints, its own pending
     * requests. The CIE IdP keeps its historical servlet names ({@code cieTestIdpMetadata} ...); the others are
     * named {@code cieTestIdpSpidMetadata}, {@code cieTestIdpFicepSso} ...
     */
    private static void registerSaml(ServletContext context, List<String> names, IdpEndpoints idp,
            SpMetadataSource spMetadata, Clock clock) {
        IdpScheme scheme = idp.scheme();
        IdpCredentials credentials = IdpCredentials.generate(clock, IdpCredentials.RSA_BITS, scheme.certificateSubject());
        AuthnRequestChecker checker = new AuthnRequestChecker(idp, spMetadata, clock);
        ResponseBuilder responses = new ResponseBuilder(idp,
                new XmlSigner(credentials.privateKey(), credentials.certificate()), clock);
        PendingLogins pending = new PendingLogins(clock);
        String prefix = "cieTestIdp" + (scheme == IdpScheme.CIE ? ""
                : scheme.segment().substring(0, 1).toUpperCase(Locale.ROOT) + scheme.segment().substring(1));
        if (scheme == IdpScheme.CIE) {
            register(context, names, prefix + "Metadata", new MetadataServlet(IdpMetadataDocument.build(idp,
                    credentials.certificate())), idp.metadataPath());
            register(context, names, prefix + "SsoPost", new SsoServlet(idp, checker, responses, pending,
                    RequestBinding.POST), idp.ssoPath(RequestBinding.POST));
            register(context, names, prefix + "SsoRedirect", new SsoServlet(idp, checker, responses, pending,
                    RequestBinding.REDIRECT), idp.ssoPath(RequestBinding.REDIRECT));
        } else {
            register(context, names, prefix + "Metadata", new MetadataServlet(IdpMetadataDocument.buildSigned(idp,
                    credentials)), idp.metadataPath());
            register(context, names, prefix + "Sso", new SsoServlet(idp, checker, responses, pending,
                    RequestBinding.POST, RequestBinding.REDIRECT), idp.ssoPath(RequestBinding.POST));
        }
        register(context, names, prefix + "Continue", new ContinueServlet(scheme, responses, pending),
                idp.continuePath());
        register(context, names, prefix + "Slo", scheme == IdpScheme.CIE ? new SloServlet()
                : new SloServlet(new LogoutRequestChecker(idp, spMetadata), responses), idp.sloPath());
    }

    private static OidcTestFederation oidcFederation(String publicBaseUrl, Clock clock) {
        try {
            return new OidcTestFederation(URI.create(publicBaseUrl + IdpEndpoints.BASE_PATH + "/oidc"),
                    new FederatedRelyingParties(publicBaseUrl), clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("cie-test-idp: cannot generate the OIDC federation's keys", e);
        }
    }

    private static Map<String, String> initParameters(ServletContext context) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            params.put(name, context.getInitParameter(name));
        }
        return params;
    }

    private static void register(ServletContext context, List<String> names, String name, Servlet servlet, String path) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        if (registration == null) {
            throw new IllegalStateException("cie-test-idp: a servlet named " + name + " is already registered");
        }
        Set<String> conflicts = registration.addMapping(path);
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("cie-test-idp: " + path + " is already mapped to another servlet");
        }
        names.add(name);
    }
}
