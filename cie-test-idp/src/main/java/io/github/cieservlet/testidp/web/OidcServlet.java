package io.github.cieservlet.testidp.web;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.oidc.Answer;
import io.github.cieservlet.testidp.oidc.OidcOutcome;
import io.github.cieservlet.testidp.oidc.OidcTestFederation;
import io.github.cieservlet.testidp.response.TestCitizen;
import io.github.cieservlet.web.Html;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local CIE OIDC federation over HTTP, under {@value #PATH}: the trust anchor ({@code /ta/...}) and the OpenID
 * Provider ({@code /op/...}); the OP's authorization endpoint shows the same choice of citizen, outcome and level as
 * the SAML test IdP. {@code GET /op/revocations} lists the access tokens revoked so far ({@code "<client_id> <sub>"},
 * JSON), so that a test can see a logout reach the OP.
 */
public final class OidcServlet extends HttpServlet {

    /** Where the servlet is mapped. */
    public static final String PATH = IdpEndpoints.BASE_PATH + "/oidc/*";

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(OidcServlet.class);
    private static final int MAX_PENDING = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final transient OidcTestFederation federation;
    private final transient Map<String, OidcTestFederation.Authorization> pending = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, OidcTestFederation.Authorization> eldest) {
                    return size() > MAX_PENDING;
                }
            });

    /** @param federation the federation served */
    public OidcServlet(OidcTestFederation federation) {
        this.federation = federation;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        switch (path) {
            case "/ta" + OidcTestFederation.WELL_KNOWN:
                send(response, federation.trustAnchorConfiguration());
                break;
            case "/ta/fetch":
                send(response, federation.fetch(request.getParameter("sub")));
                break;
            case "/op" + OidcTestFederation.WELL_KNOWN:
                send(response, federation.providerConfiguration());
                break;
            case "/op/jwks":
                send(response, federation.jwks());
                break;
            case "/op/authorization":
                authorization(request, response);
                break;
            case "/op/userinfo":
                send(response, federation.userInfo(request.getHeader("Authorization")));
                break;
            case "/op/revocations":
                send(response, federation.revocationList());
                break;
            default:
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        switch (path) {
            case "/op/token":
                send(response, federation.token(new String(request.getInputStream().readNBytes(64 * 1024),
                        StandardCharsets.UTF_8)));
                break;
            case "/op/userinfo":
                send(response, federation.userInfo(request.getHeader("Authorization")));
                break;
            case "/op/revocation":
                send(response, federation.revocation(new String(request.getInputStream().readNBytes(64 * 1024),
                        StandardCharsets.UTF_8)));
                break;
            case "/op/continue":
                complete(request, response);
                break;
            default:
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void authorization(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcTestFederation.Authorization authorization;
        try {
            authorization = federation.authorize(request.getQueryString());
        } catch (IllegalArgumentException e) {
            LOG.warn("cie-test-idp OIDC: authorization request refused: {}", e.getMessage());
            IdpPage.send(response, 400, "Richiesta non valida", "<h1>Richiesta di autenticazione non valida</h1>\n<p>"
                    + Html.escape(e.getMessage()) + "</p>\n", false);
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        pending.put(token, authorization);
        IdpPage.send(response, 200, "Entra con CIE (OpenID Connect) - test", chooser(authorization, token,
                request.getContextPath() + IdpEndpoints.BASE_PATH + "/oidc/op/continue"), false);
    }

    private static String chooser(OidcTestFederation.Authorization authorization, String token, String continueUrl) {
        StringBuilder html = new StringBuilder()
                .append("<h1>Entra con CIE (OpenID Connect): scegli come rispondere</h1>\n")
                .append("<p>Qui fai la parte del cittadino: l'ID token e la UserInfo, firmati e cifrati, tornano al")
                .append(" servizio.</p>\n<dl>\n")
                .append(ChooserPage.term("Relying party (client_id)", authorization.clientId()))
                .append(ChooserPage.term("Livello richiesto", ChooserPage.levelName(authorization.level())))
                .append("</dl>\n<form method=\"post\" action=\"").append(Html.escape(continueUrl)).append("\">\n")
                .append("<input type=\"hidden\" name=\"").append(ChooserPage.TOKEN).append("\" value=\"")
                .append(Html.escape(token)).append("\">\n<fieldset>\n<legend>Cittadino di prova</legend>\n");
        for (TestCitizen citizen : TestCitizen.values()) {
            html.append(ChooserPage.choice(ChooserPage.CITIZEN, citizen.name(), citizen.ordinal() == 0,
                    citizen.givenName() + " " + citizen.familyName() + ", codice fiscale " + citizen.fiscalCode()));
        }
        html.append("</fieldset>\n<fieldset>\n<legend>Esito dell'autenticazione</legend>\n");
        for (OidcOutcome outcome : OidcOutcome.values()) {
            html.append(ChooserPage.choice(ChooserPage.OUTCOME, outcome.name(), outcome == OidcOutcome.SUCCESS,
                    outcome.label()));
        }
        html.append("</fieldset>\n<fieldset>\n<legend>Livello da attestare (acr)</legend>\n");
        for (CieLevel level : CieLevel.values()) {
            html.append(ChooserPage.choice(ChooserPage.LEVEL, level.name(), level == authorization.level(),
                    ChooserPage.levelName(level)));
        }
        return html.append("</fieldset>\n<button type=\"submit\">Torna al servizio</button>\n</form>\n").toString();
    }

    private void complete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter(ChooserPage.TOKEN);
        OidcTestFederation.Authorization authorization = token == null ? null : pending.remove(token);
        if (authorization == null) {
            IdpPage.send(response, 400, "Richiesta scaduta", "<h1>Nessuna autenticazione in corso</h1>\n", false);
            return;
        }
        try {
            TestCitizen citizen = TestCitizen.valueOf(request.getParameter(ChooserPage.CITIZEN));
            OidcOutcome outcome = OidcOutcome.valueOf(request.getParameter(ChooserPage.OUTCOME));
            CieLevel level = CieLevel.valueOf(request.getParameter(ChooserPage.LEVEL));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", federation.complete(authorization, citizen, level, outcome).toString());
        } catch (IllegalArgumentException | NullPointerException e) {
            IdpPage.send(response, 400, "Scelta non valida", "<h1>Scelta non valida</h1>\n", false);
        }
    }

    private static void send(HttpServletResponse response, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
