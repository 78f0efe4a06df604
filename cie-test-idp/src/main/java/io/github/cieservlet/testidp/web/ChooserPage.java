package io.github.cieservlet.testidp.web;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.testidp.idp.IdpScheme;
import io.github.cieservlet.testidp.request.ValidRequest;
import io.github.cieservlet.testidp.response.Outcome;
import io.github.cieservlet.testidp.response.TestPeople;
import io.github.cieservlet.testidp.response.TestPerson;
import io.github.cieservlet.web.Html;
import java.util.List;

/**
 * The page where the developer plays the citizen: which test person authenticates, how the authentication
 * ends, and which level the IdP asserts (the requested one by default; another one to test the service
 * provider's refusal). Plain HTML form, no script; one radio button per choice, with the id
 * {@code <field>-<value>} (e.g. {@code citizen-MARIO_ROSSI}, {@code outcome-CONSENT_DENIED}, {@code level-L2}), and
 * one submit button.
 */
final class ChooserPage {

    /** Form field: the pending-request token. */
    static final String TOKEN = "token";
    /** Form field: the {@link TestPerson} name. */
    static final String CITIZEN = "citizen";
    /** Form field: the {@link Outcome} name. */
    static final String OUTCOME = "outcome";
    /** Form field: the {@link CieLevel} name. */
    static final String LEVEL = "level";

    private ChooserPage() {
    }

    /**
     * @param scheme the test IdP answering
     * @param request the request being answered
     * @param token the token naming it
     * @param continueUrl where the form posts
     * @return the content of {@code <main>}
     */
    static String render(IdpScheme scheme, ValidRequest request, String token, String continueUrl) {
        StringBuilder html = new StringBuilder()
                .append("<h1>Entra con ").append(Html.escape(scheme.displayName()))
                .append(": scegli come rispondere</h1>\n")
                .append("<p>Qui fai la parte del cittadino. Scegli chi si autentica, come finisce l'autenticazione e")
                .append(" quale livello attestare: la risposta firmata tornerà al fornitore di servizi.</p>\n")
                .append("<h2>Richiesta ricevuta</h2>\n<dl>\n")
                .append(term("Fornitore di servizi (entity ID)", request.replyTo().spEntityId()))
                .append(term("Indirizzo di ritorno (AssertionConsumerService)", request.replyTo().acsUrl()))
                .append(term("Livello richiesto", levelName(request.requestedLevel()) + ", confronto "
                        + request.comparison().wireValue()))
                .append(term("ID della richiesta", request.replyTo().inResponseTo()));
        if (scheme.followsSpidRules()) {
            html.append(term("Attributi richiesti (AttributeConsumingServiceIndex "
                    + request.attributeConsumingServiceIndex() + ")", request.requestedAttributes().isEmpty()
                            ? "nessuno" : String.join(", ", request.requestedAttributes())));
        }
        html.append("</dl>\n")
                .append("<form method=\"post\" action=\"").append(Html.escape(continueUrl)).append("\">\n")
                .append("<input type=\"hidden\" name=\"").append(TOKEN).append("\" value=\"")
                .append(Html.escape(token)).append("\">\n");
        html.append("<fieldset>\n<legend>Cittadino di prova</legend>\n");
        List<TestPerson> people = TestPeople.at(scheme);
        for (TestPerson person : people) {
            html.append(choice(CITIZEN, person.name(), person == people.get(0), person.description()));
        }
        html.append("</fieldset>\n<fieldset>\n<legend>Esito dell'autenticazione</legend>\n");
        for (Outcome outcome : Outcome.offeredAt(scheme)) {
            String label = outcome.errorCode().map(code -> "Errore " + code.label() + ": ").orElse("") + outcome.label();
            html.append(choice(OUTCOME, outcome.name(), outcome == Outcome.SUCCESS, label));
        }
        html.append("</fieldset>\n<fieldset>\n<legend>Livello di autenticazione da attestare (solo se riuscita)</legend>\n");
        CieLevel preselected = request.comparison().lowestAccepted(request.requestedLevel())
                .orElse(request.requestedLevel());
        for (CieLevel level : CieLevel.values()) {
            html.append(choice(LEVEL, level.name(), level == preselected, levelName(level) + levelNote(request, level)));
        }
        return html.append("</fieldset>\n<button type=\"submit\">Invia la risposta al servizio</button>\n</form>\n")
                .toString();
    }

    static String term(String name, String value) {
        return "<dt>" + Html.escape(name) + "</dt><dd><code>" + Html.escape(value) + "</code></dd>\n";
    }

    static String choice(String field, String value, boolean checked, String label) {
        String id = field + "-" + value;
        return "<div class=\"choice\"><input type=\"radio\" name=\"" + field + "\" id=\"" + Html.escape(id)
                + "\" value=\"" + Html.escape(value) + "\"" + (checked ? " checked" : "") + "><label for=\""
                + Html.escape(id) + "\">" + Html.escape(label) + "</label></div>\n";
    }

    static String levelName(CieLevel level) {
        return "Livello " + level.name().substring(1) + " (" + level.uri() + ")";
    }

    private static String levelNote(ValidRequest request, CieLevel level) {
        CieLevel requested = request.requestedLevel();
        if (!request.comparison().accepts(requested, level)) {
            return ": non soddisfa la richiesta, il servizio deve rifiutare l'accesso";
        }
        if (level == requested) {
            return ": quello richiesto";
        }
        return level.isAtLeast(requested) ? ": più alto del richiesto, accettabile" : ": più basso del richiesto, accettabile";
    }
}
