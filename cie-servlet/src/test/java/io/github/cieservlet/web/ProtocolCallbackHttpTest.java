package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.CieLogoutToken;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.EvidenceLocation;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.evidence.EvidenceEntry;
import io.github.cieservlet.evidence.EvidenceOutcome;
import io.github.cieservlet.evidence.EvidenceQuery;
import io.github.cieservlet.evidence.FileEvidenceSource;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.spi.LoginStart;
import io.github.cieservlet.spi.ProtocolEvidence;
import io.github.cieservlet.spi.ProtocolLogin;
import io.github.cieservlet.spi.PublishedDocument;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login protocol's callback and logout in a real embedded container (Jetty 12, ee10) over real HTTP on 127.0.0.1,
 * with a protocol that answers as told: every call leaves its evidence record (what the protocol gave: the request
 * as sent, the answer's parts as received, the identity provider), accepted or refused with its code, counted by the
 * monitor; the method is checked first; logout hands the protocol what it kept at login, and ends the local session
 * even when the identity provider cannot be told.
 */
class ProtocolCallbackHttpTest {

    private static final String CONTEXT = "/portale";
    private static final String OP = "https://op.example.it";
    private static final String SAML_LOGOUT_PAGE = "https://idp.example.it/slo";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path evidence;

    private static Server server;
    private static String base;
    private static CieServiceProvider provider;
    private static final ScriptedProtocol PROTOCOL = new ScriptedProtocol();

    private final Map<String, String> cookies = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(CONTEXT);
        // SAML IdP metadata with a logout page, and cie.idpLogout=true: a protocol's logout must not go there
        Path metadata = Files.writeString(evidence.resolve("idp-metadata.xml"), idpMetadataWithALogoutPage());
        provider = new CieServiceProvider(TestSettings.builder().evidence(EvidenceLocation.parse("file:"
                + evidence.resolve("records"))).idpMetadataLocation(ResourceLocation.parse("file:" + metadata))
                .idpLogout(true).build(), Clock.systemUTC(), ProtocolCallbackHttpTest.class.getClassLoader(), List.of(),
                replayCache -> Optional.of(PROTOCOL));
        context.setAttribute(CieServiceProvider.CONTEXT_ATTRIBUTE, provider);
        context.addServlet(new ServletHolder(new LoginServlet()), "/cie/login");
        context.addServlet(new ServletHolder(new ProtocolCallbackServlet()), "/cie/test/callback");
        context.addServlet(new ServletHolder(new LogoutServlet()), "/cie/logout");
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().print(request.getSession(false) == null ? "" : CieLogoutToken.of(request));
            }
        }), "/token");
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + CONTEXT;
    }

    private static String idpMetadataWithALogoutPage() throws Exception {
        String certificate = Base64.getEncoder().encodeToString(TestCredentials.idp().certificate().getEncoded());
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + TestSettings.IDP_ENTITY_ID + "\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + certificate
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"" + SAML_LOGOUT_PAGE + "\"/>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"https://idp.example.it/sso\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        provider.close();
    }

    @BeforeEach
    void reset() {
        PROTOCOL.refuseWith = null;
        PROTOCOL.logoutFails = false;
    }

    private HttpResponse<String> send(String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.values()));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            cookies.put(pair.split("=", 2)[0], pair);
        }
        return response;
    }

    /** @return the correlation value of a login started now in this browser */
    private String startLogin() throws Exception {
        HttpResponse<String> toOp = send("GET", "/cie/login?target=%2Farea%2F", null);
        assertThat(toOp.statusCode()).isEqualTo(302);
        assertThat(toOp.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        return toOp.headers().firstValue("Location").orElseThrow().replaceFirst(".*state=", "");
    }

    private static List<EvidenceEntry> records() throws Exception {
        List<EvidenceEntry> entries = new ArrayList<>();
        new FileEvidenceSource(evidence.resolve("records")).forEach(EvidenceQuery.all(), r -> entries.add(r.entry()));
        return entries;
    }

    @Test
    void anAcceptedLoginIsRecordedWithWhatTheProtocolGaveAndCounted() throws Exception {
        long accepted = provider.monitor().getLoginsAccepted();
        int before = records().size();
        String state = startLogin();

        HttpResponse<String> done = send("GET", "/cie/test/callback?code=good&state=" + state, null);

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/area/"));
        assertThat(done.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(done.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .contains("cie_pending_" + state + "=").containsIgnoringCase("Max-Age=0"));
        assertThat(provider.monitor().getLoginsAccepted()).isEqualTo(accepted + 1);
        List<EvidenceEntry> added = records().subList(before, records().size());
        assertThat(added).hasSize(1);
        EvidenceEntry entry = added.get(0);
        assertThat(entry.outcome()).isEqualTo(EvidenceOutcome.ACCEPTED);
        assertThat(entry.requestId()).isEqualTo(state);
        assertThat(entry.authnRequestXml()).isEqualTo("request-object-" + state);
        assertThat(new String(entry.response(), StandardCharsets.UTF_8))
                .isEqualTo("code=good&state=" + state + "\nid-token\nuserinfo");
        assertThat(entry.fiscalCode()).isEqualTo("TINIT-RSSMRA80A01H501U");
        assertThat(entry.idpEntityId()).isEqualTo(OP);
    }

    @Test
    void aRefusalIsRecordedWithItsCodeTheRequestAndTheProtocolsIdentityProviderAndCounted() throws Exception {
        PROTOCOL.refuseWith = CieError.INVALID_AUDIENCE;
        long refused = provider.monitor().getRefusals().getOrDefault(CieError.INVALID_AUDIENCE.code(), 0L);
        int before = records().size();
        String state = startLogin();

        HttpResponse<String> page = send("GET", "/cie/test/callback?code=x&state=" + state, null);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("CIE-INVALID_AUDIENCE");
        assertThat(provider.monitor().getRefusals().get(CieError.INVALID_AUDIENCE.code())).isEqualTo(refused + 1);
        EvidenceEntry entry = records().get(before);
        assertThat(entry.outcome()).isEqualTo(EvidenceOutcome.REFUSED);
        assertThat(entry.errorCode()).isEqualTo("CIE-INVALID_AUDIENCE");
        assertThat(entry.authnRequestXml()).isEqualTo("request-object-" + state);
        assertThat(new String(entry.response(), StandardCharsets.UTF_8)).isEqualTo("code=x&state=" + state + "\nid-token");
        assertThat(entry.idpEntityId()).isEqualTo(OP);
        assertThat(records()).hasSize(before + 1);
    }

    @Test
    void aCallbackWithoutThisBrowsersLoginIsRecordedWithItsQueryOnly() throws Exception {
        int before = records().size();

        HttpResponse<String> page = send("GET", "/cie/test/callback?code=x&state=nobodys", null);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("CIE-UNKNOWN_REQUEST");
        EvidenceEntry entry = records().get(before);
        assertThat(entry.errorCode()).isEqualTo("CIE-UNKNOWN_REQUEST");
        assertThat(entry.requestId()).isNull();
        assertThat(new String(entry.response(), StandardCharsets.UTF_8)).isEqualTo("code=x&state=nobodys");
    }

    @Test
    void aCallbackWithoutAnyQueryIsCountedButLeavesNoRecord() throws Exception {
        int before = records().size();
        long refused = provider.monitor().getRefusals().getOrDefault(CieError.UNKNOWN_REQUEST.code(), 0L);

        assertThat(send("GET", "/cie/test/callback", null).statusCode()).isEqualTo(403);

        assertThat(records()).hasSize(before);
        assertThat(provider.monitor().getRefusals().get(CieError.UNKNOWN_REQUEST.code())).isEqualTo(refused + 1);
    }

    @Test
    void anotherMethodIsRefusedBeforeAnythingIsReadOrRecorded() throws Exception {
        int before = records().size();
        String state = startLogin();

        HttpResponse<String> page = send("POST", "/cie/test/callback?code=good&state=" + state, "a=b");

        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(page.headers().firstValue("Allow")).contains("GET");
        assertThat(records()).hasSize(before);
        assertThat(send("GET", "/cie/test/callback?code=good&state=" + state, null).statusCode()).isEqualTo(303);
    }

    @Test
    void logoutHandsTheProtocolWhatItKeptAtLoginThenEndsTheSession() throws Exception {
        String state = startLogin();
        send("GET", "/cie/test/callback?code=good&state=" + state, null);
        String token = send("GET", "/token", null).body();
        int before = PROTOCOL.loggedOut.size();

        HttpResponse<String> out = send("POST", "/cie/logout", CieLogoutToken.PARAM + "=" + token);

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains(TestSettings.BASE_URL + "/");
        assertThat(PROTOCOL.loggedOut.subList(before, PROTOCOL.loggedOut.size())).containsExactly("session-" + state);
        assertThat(send("GET", "/token", null).body()).isEmpty();
    }

    @Test
    void whenTheIdentityProviderCannotBeToldTheLocalSessionEndsAllTheSame() throws Exception {
        String state = startLogin();
        send("GET", "/cie/test/callback?code=good&state=" + state, null);
        String token = send("GET", "/token", null).body();
        PROTOCOL.logoutFails = true;

        HttpResponse<String> out = send("POST", "/cie/logout", CieLogoutToken.PARAM + "=" + token);

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(send("GET", "/token", null).body()).isEmpty();
    }

    /** A protocol that gives its evidence and answers as the test says. */
    private static final class ScriptedProtocol implements LoginProtocol {
        volatile CieError refuseWith;
        volatile boolean logoutFails;
        final List<String> loggedOut = new CopyOnWriteArrayList<>();

        @Override
        public LoginStart start(CieLevel level) {
            String state = String.format("S%042d", System.nanoTime()); // 43 characters, as a real state
            return new LoginStart(URI.create(OP + "/authorize?state=" + state), state,
                    state.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String callbackPath() {
            return "/test/callback";
        }

        @Override
        public String correlationParameter() {
            return "state";
        }

        @Override
        public ProtocolLogin finish(Map<String, List<String>> parameters, byte[] pending, ProtocolEvidence evidence)
                throws CieAuthenticationException {
            String state = new String(pending, StandardCharsets.UTF_8);
            evidence.identityProvider(OP);
            evidence.request(state, "request-object-" + state, Instant.now());
            evidence.answer("id-token");
            if (refuseWith != null) {
                throw new CieAuthenticationException(refuseWith, "as scripted");
            }
            evidence.answer("userinfo");
            CieIdentity identity = CieIdentity.builder().name("MARIO").familyName("ROSSI")
                    .dateOfBirth(LocalDate.of(1980, 1, 1)).fiscalNumber("TINIT-RSSMRA80A01H501U").level(CieLevel.L2)
                    .nameId("pairwise-1").nameIdQualifier(OP).authnInstant(Instant.now()).idpEntityId(OP).build();
            return new ProtocolLogin(identity, ("session-" + state).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void logout(byte[] sessionState) throws CieAuthenticationException {
            if (logoutFails) {
                throw new CieAuthenticationException(CieError.IDP_METADATA_UNAVAILABLE, "OP not reached");
            }
            loggedOut.add(new String(sessionState, StandardCharsets.UTF_8));
        }

        @Override
        public List<PublishedDocument> documents() {
            return List.of();
        }
    }
}
