package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.store.StateStoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * What every endpoint where an identity provider's answer arrives (the SAML Assertion Consumer Service, a login
 * protocol's callback) does around its checks: only its one HTTP method, one evidence record per call (accepted by
 * the checks, or refused here with the code) counted for JMX, and every failure on the error page with its 4xx
 * status; an unexpected one is a 500 with one ERROR line.
 */
final class AnswerEndpoint {

    /** The checks of one answer. */
    interface Checks {
        /**
         * @param request the answer
         * @param response where the success goes
         * @param evidence the call's evidence record, to fill (and to mark accepted)
         * @throws CieAuthenticationException naming the refused check
         * @throws IOException when the response cannot be written
         */
        void consume(HttpServletRequest request, HttpServletResponse response, LoginEvidence evidence)
                throws CieAuthenticationException, IOException;
    }

    private static final Log LOG = Log.of(AnswerEndpoint.class);

    private final CieServiceProvider provider;
    private final String method;
    private final String name;
    private final Supplier<String> idpEntityId;
    private final ErrorPageRenderer errorPages;

    /**
     * @param provider the library's services
     * @param method the one HTTP method allowed
     * @param name the endpoint, for the error detail and the log
     * @param idpEntityId the identity provider in use, for a refusal's record (null when unknown)
     */
    AnswerEndpoint(CieServiceProvider provider, String method, String name, Supplier<String> idpEntityId) {
        this.provider = provider;
        this.method = method;
        this.name = name;
        this.idpEntityId = idpEntityId;
        this.errorPages = new ErrorPageRenderer(provider.settings().endpoints().path(SpEndpoints.LOGIN));
    }

    /**
     * @param request the answer
     * @param response where the success or the error page goes
     * @param checks the endpoint's checks
     * @throws IOException when the response cannot be written
     */
    void serve(HttpServletRequest request, HttpServletResponse response, Checks checks) throws IOException {
        if (!method.equals(request.getMethod())) {
            response.setHeader("Allow", method);
            errorPages.render(request, response, CieError.METHOD_NOT_ALLOWED, request.getMethod() + " on the " + name);
            return;
        }
        LoginEvidence evidence = new LoginEvidence(provider.evidence(), provider.monitor(), provider.clock().instant());
        try {
            checks.consume(request, response, evidence);
        } catch (CieAuthenticationException e) {
            evidence.refused(e.error(), idpEntityId.get());
            errorPages.render(request, response, e.error(), e.getMessage());
        } catch (StateStoreUnavailableException e) {
            evidence.refused(CieError.STATE_STORE_UNAVAILABLE, idpEntityId.get());
            errorPages.render(request, response, CieError.STATE_STORE_UNAVAILABLE, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure in the CIE {}", name, e);
            evidence.refused(CieError.INTERNAL_ERROR, idpEntityId.get());
            errorPages.render(request, response, CieError.INTERNAL_ERROR, "unexpected " + e.getClass().getName());
        }
    }
}
