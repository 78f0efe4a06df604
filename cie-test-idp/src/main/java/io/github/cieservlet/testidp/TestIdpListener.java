package io.github.cieservlet.testidp;

import com.nimbusds.jose.JOSEException;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.idp.IdpMetadataDocument;
import io.github.cieservlet.testidp.oidc.FederatedRelyingParties;
import io.github.cieservlet.testidp.oidc.OidcTestFederation;
import io.github.cieservlet.testidp.request.AuthnRequestChecker;
import io.github.cieservlet.testidp.request.HttpSpMetadataSource;
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
        IdpEndpoints idp = new IdpEndpoints(decision.publicBaseUrl());
        IdpCredentials credentials = IdpCredentials.generate(clock);
        AuthnRequestChecker checker = new AuthnRequestChecker(idp, new HttpSpMetadataSource(decision.spMetadataUrl()), clock);
        ResponseBuilder responses = new ResponseBuilder(idp,
                new XmlSigner(credentials.privateKey(), credentials.certificate()), clock);
        PendingLogins pending = new PendingLogins(clock);

        List<String> names = new ArrayList<>();
        register(context, names, "cieTestIdpMetadata", new MetadataServlet(IdpMetadataDocument.build(idp,
                credentials.certificate())), IdpEndpoints.METADATA_PATH);
        register(context, names, "cieTestIdpSsoPost", new SsoServlet(RequestBinding.POST, idp, checker, responses, pending),
                IdpEndpoints.SSO_POST_PATH);
        register(context, names, "cieTestIdpSsoRedirect", new SsoServlet(RequestBinding.REDIRECT, idp, checker, responses,
                pending), IdpEndpoints.SSO_REDIRECT_PATH);
        register(context, names, "cieTestIdpContinue", new ContinueServlet(responses, pending), IdpEndpoints.CONTINUE_PATH);
        register(context, names, "cieTestIdpSlo", new SloServlet(), IdpEndpoints.SLO_REDIRECT_PATH);
        OidcTestFederation oidc = oidcFederation(decision.publicBaseUrl(), clock);
        context.setAttribute(OIDC_TRUST_ANCHOR_JWKS_ATTRIBUTE, oidc.trustAnchorKeys().toString());
        register(context, names, "cieTestIdpOidc", new OidcServlet(oidc), OidcServlet.PATH);
        FilterRegistration.Dynamic loopbackOnly = context.addFilter("cieTestIdpLoopbackOnly", new LoopbackOnlyFilter());
        if (loopbackOnly == null) {
            throw new IllegalStateException("cie-test-idp: a filter named cieTestIdpLoopbackOnly is already registered");
        }
        loopbackOnly.addMappingForServletNames(EnumSet.allOf(DispatcherType.class), false, names.toArray(String[]::new));
        LOG.warn("cie-test-idp is ACTIVE ({}): anyone can log in as a test citizen. Metadata at {}; the service"
                + " provider metadata will be read from {}", decision.reason(), idp.metadataUrl(),
                decision.spMetadataUrl());
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
