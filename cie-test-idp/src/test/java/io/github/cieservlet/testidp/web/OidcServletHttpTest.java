package io.github.cieservlet.testidp.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityID;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatement;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatementClaimsSet;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityType;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.testidp.TestIdpListener;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test IdP's OIDC federation inside a real servlet container, next to a stand-in relying party that only
 * publishes its entity configuration: what a browser and an RP do, request by request.
 */
class OidcServletHttpTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static Server server;
    private static ServletContext context;
    private static String base;
    private static String oidc;
    private static String rp;
    private static RSAKey rpSigning;
    private static RSAKey rpEncryption;

    @BeforeAll
    static void start() throws Exception {
        rpSigning = new RSAKeyGenerator(2048).keyID("rp-sig").keyUse(KeyUse.SIGNATURE).generate();
        rpEncryption = new RSAKeyGenerator(2048).keyID("rp-enc").keyUse(KeyUse.ENCRYPTION).generate();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        connector.open();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/portale";
        oidc = base + IdpEndpoints.BASE_PATH + "/oidc";
        rp = base + "/rp";
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/portale");
        handler.setInitParameter("cie.environment", "local");
        handler.setInitParameter("cie.publicBaseUrl", base);
        handler.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/entity-statement+jwt");
                response.getOutputStream().write(rpEntityConfiguration().getBytes(StandardCharsets.UTF_8));
            }
        }), "/rp/.well-known/openid-federation");
        handler.addEventListener(new TestIdpListener());
        server.setHandler(handler);
        server.start();
        context = handler.getServletContext();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static String rpEntityConfiguration() {
        try {
            EntityID self = new EntityID(rp);
            Instant now = Instant.now();
            EntityStatementClaimsSet claims = new EntityStatementClaimsSet(self, self, Date.from(now),
                    Date.from(now.plusSeconds(3600)), new JWKSet(rpSigning.toPublicJWK()));
            JSONObject metadata = new JSONObject();
            metadata.put("redirect_uris", List.of(rp + "/callback"));
            metadata.put("jwks", new JWKSet(List.of(rpSigning.toPublicJWK(), rpEncryption.toPublicJWK()))
                    .toJSONObject());
            claims.setMetadata(EntityType.OPENID_RELYING_PARTY, metadata);
            return EntityStatement.sign(claims, rpSigning).getSignedStatement().serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requestObject(CodeVerifier verifier, String state, String nonce) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rp-sig").build(),
                new JWTClaimsSet.Builder().issuer(rp).audience(oidc + "/op").issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600))).claim("client_id", rp)
                        .claim("response_type", "code").claim("scope", "openid")
                        .claim("redirect_uri", rp + "/callback").claim("state", state).claim("nonce", nonce)
                        .claim("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue())
                        .claim("code_challenge_method", "S256").claim("acr_values", CieLevel.L2.uri())
                        .claim("prompt", "consent login").claim("claims", Map.of("userinfo", Map.of())).build());
        jwt.sign(new RSASSASigner(rpSigning));
        return jwt.serialize();
    }

    @Test
    void theFederationIsPublishedAndTheTrustAnchorKeysAreHandedToTheApplication() throws Exception {
        HttpResponse<String> ta = get(oidc + "/ta/.well-known/openid-federation");
        HttpResponse<String> op = get(oidc + "/op/.well-known/openid-federation");
        HttpResponse<String> subordinate = get(oidc + "/ta/fetch?"
                + URLUtils.serializeParameters(Map.of("sub", List.of(oidc + "/op"))));

        assertThat(ta.statusCode()).isEqualTo(200);
        assertThat(ta.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/entity-statement+jwt"));
        EntityStatement anchor = EntityStatement.parse(ta.body());
        anchor.verifySignatureOfSelfStatement();
        assertThat(JWKSet.parse((String) context.getAttribute(TestIdpListener.OIDC_TRUST_ANCHOR_JWKS_ATTRIBUTE)))
                .hasToString(anchor.getClaimsSet().getJWKSet().toString());
        EntityStatement provider = EntityStatement.parse(op.body());
        assertThat(provider.getClaimsSet().getAuthorityHints()).extracting(Object::toString)
                .containsExactly(oidc + "/ta");
        EntityStatement.parse(subordinate.body()).verifySignature(anchor.getClaimsSet().getJWKSet());
    }

    @Test
    void aLoginEndsWithSignedAndEncryptedTokensForTheChosenCitizen() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        String state = "S".repeat(40);
        HttpResponse<String> chooser = get(oidc + "/op/authorization?" + URLUtils.serializeParameters(Map.of(
                "client_id", List.of(rp), "scope", List.of("openid"),
                "request", List.of(requestObject(verifier, state, "N".repeat(40))))));
        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).contains("MARIO ROSSI", "consent_required", CieLevel.L2.uri()).doesNotContain("<script");

        HttpResponse<String> back = post(oidc + "/op/continue", Map.of("token", field(chooser.body(), "token"),
                "citizen", "BIANCA_VERDI", "outcome", "SUCCESS", "level", "L3"));
        assertThat(back.statusCode()).isEqualTo(303);
        URI location = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(rp + "/callback?");
        Map<String, List<String>> callback = URLUtils.parseParameters(location.getRawQuery());
        assertThat(callback.get("state")).containsExactly(state);
        assertThat(callback.get("iss")).containsExactly(oidc + "/op");

        Map<String, List<String>> form = new LinkedHashMap<>(new PrivateKeyJWT(new ClientID(rp),
                URI.create(oidc + "/op/token"), JWSAlgorithm.RS256, rpSigning.toRSAPrivateKey(), "rp-sig", null)
                .toParameters());
        form.put("grant_type", List.of("authorization_code"));
        form.put("code", callback.get("code"));
        form.put("redirect_uri", List.of(rp + "/callback"));
        form.put("code_verifier", List.of(verifier.getValue()));
        HttpResponse<String> token = postForm(oidc + "/op/token", URLUtils.serializeParameters(form));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Map<String, Object> tokens = com.nimbusds.jose.util.JSONObjectUtils.parse(token.body());
        EncryptedJWT idToken = EncryptedJWT.parse((String) tokens.get("id_token"));
        idToken.decrypt(new RSADecrypter(rpEncryption));
        SignedJWT signed = idToken.getPayload().toSignedJWT();
        JWKSet opKeys = JWKSet.parse(get(oidc + "/op/jwks").body());
        assertThat(signed.verify(new RSASSAVerifier(opKeys.getKeys().get(0).toRSAKey()))).isTrue();
        assertThat(signed.getJWTClaimsSet().getStringClaim("acr")).isEqualTo(CieLevel.L3.uri());
        assertThat(signed.getJWTClaimsSet().getStringClaim("https://attributes.eid.gov.it/fiscal_number"))
                .isEqualTo("TINIT-VRDBNC92E57F205E");

        HttpResponse<String> userInfo = CLIENT.send(HttpRequest.newBuilder(URI.create(oidc + "/op/userinfo"))
                .header("Authorization", "Bearer " + tokens.get("access_token")).build(),
                HttpResponse.BodyHandlers.ofString());
        EncryptedJWT claims = EncryptedJWT.parse(userInfo.body());
        claims.decrypt(new RSADecrypter(rpEncryption));
        assertThat(claims.getPayload().toSignedJWT().getJWTClaimsSet().getStringClaim("given_name")).isEqualTo("BIANCA");

        HttpResponse<String> again = postForm(oidc + "/op/token", URLUtils.serializeParameters(form));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
    }

    @Test
    void aRequestObjectNotSignedByTheRelyingPartyIsRefused() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("rp-sig").generate();
        RSAKey saved = rpSigning;
        String request;
        try {
            rpSigning = attacker;
            request = requestObject(new CodeVerifier(), "S".repeat(40), "N".repeat(40));
        } finally {
            rpSigning = saved;
        }
        HttpResponse<String> refused = get(oidc + "/op/authorization?" + URLUtils.serializeParameters(Map.of(
                "client_id", List.of(rp), "scope", List.of("openid"), "request", List.of(request))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not signed by a key of the RP");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
        Map<String, List<String>> form = new LinkedHashMap<>();
        fields.forEach((k, v) -> form.put(k, List.of(v)));
        return postForm(url, URLUtils.serializeParameters(form));
    }

    private static HttpResponse<String> postForm(String url, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }
}
