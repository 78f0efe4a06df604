package io.github.cieservlet.testidp.web;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpScheme;
import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.testidp.request.ValidRequest;
import io.github.cieservlet.testidp.response.Outcome;
import io.github.cieservlet.testidp.response.ResponseBuilder;
import io.github.cieservlet.testidp.response.TestPeople;
import io.github.cieservlet.testidp.response.TestPerson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /cie-test-idp/profile/SAML2/continue} (CIE), {@code .../spid/continue}, {@code .../ficep/continue}:
 * takes the developer's choice for a pending request of that IdP and sends the signed Response (success or one of
 * the error codes the IdP offers) back to the service provider's ACS.
 */
public final class ContinueServlet extends IdpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(ContinueServlet.class);

    private final IdpScheme scheme;
    private final transient ResponseBuilder responses;
    private final transient PendingLogins pending;

    /**
     * @param scheme the test IdP whose choices this takes
     * @param responses builds the Responses
     * @param pending the requests waiting for a choice
     */
    public ContinueServlet(IdpScheme scheme, ResponseBuilder responses, PendingLogins pending) {
        super("POST");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.pending = Objects.requireNonNull(pending, "pending");
    }

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Optional<TestPerson> citizen = TestPeople.find(scheme, request.getParameter(ChooserPage.CITIZEN));
        Optional<Outcome> outcome = enumValue(Outcome.class, request.getParameter(ChooserPage.OUTCOME))
                .filter(chosen -> chosen.offeredBy(scheme));
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
                : responses.success(to, valid.get().requestedAttributes(), citizen.get(), level.get());
        Map<String, String> attributes = citizen.get().attributes();
        String summary = error.map(code -> "Esito: errore " + code.label() + ", " + code.description(scheme) + ".")
                .orElse("Esito: autenticazione riuscita per " + attributes.get("name") + " "
                        + attributes.get("familyName") + ", " + level.get().uri() + ".");
        LOG.info("cie-test-idp answers AuthnRequest {} of {}: {}", to.inResponseTo(), to.spEntityId(),
                error.map(ErrorCode::label).orElse("success, " + citizen.get().name() + ", " + level.get()));
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
