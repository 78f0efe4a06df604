package io.github.cieservlet.testidp.web;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.testidp.request.ValidRequest;
import io.github.cieservlet.testidp.response.Outcome;
import io.github.cieservlet.testidp.response.ResponseBuilder;
import io.github.cieservlet.testidp.response.TestCitizen;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /cie-test-idp/profile/SAML2/continue}: takes the developer's choice for a pending request and
 * sends the signed Response (success or nr21/22/23/25) back to the service provider's ACS.
 */
public final class ContinueServlet extends IdpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(ContinueServlet.class);

    private final transient ResponseBuilder responses;
    private final transient PendingLogins pending;

    /**
     * @param responses builds the Responses
     * @param pending the requests waiting for a choice
     */
    public ContinueServlet(ResponseBuilder responses, PendingLogins pending) {
        super("POST");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.pending = Objects.requireNonNull(pending, "pending");
    }

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Optional<TestCitizen> citizen = enumValue(TestCitizen.class, request.getParameter(ChooserPage.CITIZEN));
        Optional<Outcome> outcome = enumValue(Outcome.class, request.getParameter(ChooserPage.OUTCOME));
        Optional<CieLevel> level = enumValue(CieLevel.class, request.getParameter(ChooserPage.LEVEL));
        if (citizen.isEmpty() || outcome.isEmpty() || level.isEmpty()) {
            IdpPage.send(response, HttpServletResponse.SC_BAD_REQUEST, "Scelta non valida",
                    "<h1>Scelta non valida</h1>\n<p class=\"error\" role=\"alert\">Scegli un cittadino, un esito e un"
                            + " livello tra quelli proposti, poi invia di nuovo il modulo.</p>\n", false);
            return;
        }
        Optional<ValidRequest> valid = pending.take(request.getParameter(ChooserPage.TOKEN));
        if (valid.isEmpty()) {
            IdpPage.send(response, HttpServletResponse.SC_BAD_REQUEST, "Richiesta scaduta",
                    "<h1>Richiesta sconosciuta, già usata o scaduta</h1>\n<p class=\"error\" role=\"alert\">Ogni"
                            + " richiesta vale una sola volta e per " + PendingLogins.LIFETIME.toMinutes()
                            + " minuti. Ricomincia l'accesso dal servizio.</p>\n", false);
            return;
        }
        ReplyTo to = valid.get().replyTo();
        Optional<ErrorCode> error = outcome.get().errorCode();
        String xml = error.isPresent() ? responses.error(to, error.get())
                : responses.success(to, citizen.get(), level.get());
        String summary = error.map(code -> "Esito: errore " + code.label() + ", " + code.description() + ".")
                .orElse("Esito: autenticazione riuscita per " + citizen.get().givenName() + " "
                        + citizen.get().familyName() + ", " + level.get().uri() + ".");
        LOG.info("cie-test-idp answers AuthnRequest {} of {}: {}", to.inResponseTo(), to.spEntityId(),
                error.map(ErrorCode::label).orElse("success, " + citizen.get() + ", " + level.get()));
        AutoPostPage.send(response, to, xml, summary, null);
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
