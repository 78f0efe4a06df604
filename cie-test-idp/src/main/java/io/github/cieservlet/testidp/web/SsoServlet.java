package io.github.cieservlet.testidp.web;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.request.AuthnRequestChecker;
import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.testidp.request.RequestRefusedException;
import io.github.cieservlet.testidp.request.ValidRequest;
import io.github.cieservlet.testidp.response.ResponseBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A SingleSignOnService: for CIE {@code POST .../POST/SSO} or {@code GET .../Redirect/SSO}; for SPID and FICEP
 * one URL, {@code .../sso}, taking HTTP-POST requests by POST and HTTP-Redirect ones by GET. A good AuthnRequest
 * gets the choice page; a bad one gets the IdP error page (nr02-nr07, nr10) or a signed error Response back to the
 * service provider (nr08-nr18), as the real IdP does.
 */
public final class SsoServlet extends IdpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(SsoServlet.class);

    private final transient IdpEndpoints idp;
    private final transient AuthnRequestChecker checker;
    private final transient ResponseBuilder responses;
    private final transient PendingLogins pending;

    /**
     * @param idp the IdP's URLs
     * @param checker checks requests
     * @param responses builds error Responses
     * @param pending keeps good requests until the developer chooses
     * @param bindings the bindings this endpoint serves: HTTP-POST by POST, HTTP-Redirect by GET
     */
    public SsoServlet(IdpEndpoints idp, AuthnRequestChecker checker, ResponseBuilder responses, PendingLogins pending,
            RequestBinding... bindings) {
        super(Arrays.stream(bindings).map(SsoServlet::method).toArray(String[]::new));
        this.idp = Objects.requireNonNull(idp, "idp");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.pending = Objects.requireNonNull(pending, "pending");
    }

    private static String method(RequestBinding binding) {
        return binding == RequestBinding.POST ? "POST" : "GET";
    }

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestBinding binding = "POST".equals(request.getMethod()) ? RequestBinding.POST : RequestBinding.REDIRECT;
        ValidRequest valid;
        try {
            if (binding == RequestBinding.POST) {
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
                valid = checker.checkPost(single(request, "SAMLRequest"), single(request, "RelayState"));
            } else {
                valid = checker.checkRedirect(request.getQueryString());
            }
        } catch (RequestRefusedException e) {
            LOG.warn("cie-test-idp refused an AuthnRequest sent with {}: {} {}", IdpEndpoints.bindingName(binding),
                    e.code().label(), e.getMessage());
            Optional<ReplyTo> reply = e.replyTo();
            if (reply.isPresent()) {
                AutoPostPage.send(response, reply.get(), responses.error(reply.get(), e.code()),
                        "La richiesta non è valida: il servizio riceve l'errore " + e.code().label() + " ("
                                + e.code().description() + ").", e.getMessage());
            } else {
                ErrorPage.send(response, e.code(), e.getMessage());
            }
            return;
        }
        LOG.info("cie-test-idp accepted AuthnRequest {} from {} ({}, {} {})", valid.replyTo().inResponseTo(),
                valid.replyTo().spEntityId(), IdpEndpoints.bindingName(binding), valid.comparison().wireValue(),
                valid.requestedLevel());
        String token = pending.add(valid);
        IdpPage.send(response, HttpServletResponse.SC_OK, "Accesso con " + idp.scheme().displayName(),
                ChooserPage.render(idp.scheme(), valid, token, idp.continueUrl()), false);
    }

    /** @return the parameter's value, or null when it is absent or given more than once */
    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values != null && values.length == 1 ? values[0] : null;
    }
}
