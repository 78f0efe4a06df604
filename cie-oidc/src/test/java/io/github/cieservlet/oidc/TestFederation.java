package io.github.cieservlet.oidc;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.testidp.oidc.Answer;
import io.github.cieservlet.testidp.oidc.FederatedRelyingParties;
import io.github.cieservlet.testidp.oidc.OidcOutcome;
import io.github.cieservlet.testidp.oidc.OidcTestFederation;
import io.github.cieservlet.testidp.response.TestCitizen;
import io.github.cieservlet.testing.TestCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The test IdP's local OIDC federation ({@link OidcTestFederation}: trust anchor and OP) served over real HTTP on
 * 127.0.0.1 for the tests, next to the RP's own entity configuration at {@code /rp/.well-known/openid-federation}
 * (the OP reads the RP from it, as in a federation). {@link #authorize(URI)} plays the browser at the OP's
 * authorization endpoint with the tester's choice of citizen, level and outcome.
 */
final class TestFederation implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Supplier<String>> served = new java.util.concurrent.ConcurrentHashMap<>();
    private int contexts;
    final URI base;
    final URI trustAnchor;
    final URI provider;
    final URI relyingParty;
    final RpKeys rpKeys;
    final OidcTestFederation op;

    /** The level the OP asserts; null asserts the requested one. */
    volatile CieLevel assertedLevel;
    /** The tester's outcome at the OP. */
    volatile OidcOutcome outcome = OidcOutcome.SUCCESS;

    TestFederation() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        relyingParty = URI.create(base + "/rp");
        rpKeys = RpKeys.of(TestCredentials.sp(), List.of(), List.of(
                TestCredentials.generate("CN=rp-enc", 2048, Instant.now().minusSeconds(60), Duration.ofDays(30))));
        op = new OidcTestFederation(URI.create(base.toString()), new FederatedRelyingParties(base.toString()),
                Clock.systemUTC());
        trustAnchor = op.trustAnchor();
        provider = op.provider();
        RpEntityConfiguration rpConfiguration = new RpEntityConfiguration(rpSettings().build(), rpKeys);
        route("/rp" + RpEntityConfiguration.WELL_KNOWN_PATH, x -> new Answer200(RpEntityConfiguration.CONTENT_TYPE,
                rpConfiguration.sign(Instant.now())));
        route("/ta" + OidcTestFederation.WELL_KNOWN, op::trustAnchorConfiguration);
        server.createContext("/ta/fetch", x -> send(x, op.fetch(
                URLUtils.parseParameters(x.getRequestURI().getRawQuery()).getOrDefault("sub", List.of("")).get(0))));
        route("/op" + OidcTestFederation.WELL_KNOWN, op::providerConfiguration);
        route("/op/jwks", op::jwks);
        server.createContext("/op/jwks-moved", x -> {
            x.getResponseHeaders().set("Location", "https://evil.example.org/jwks");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/op/token", x -> send(x, op.token(
                new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
        server.createContext("/op/userinfo", x -> send(x, op.userInfo(x.getRequestHeaders().getFirst("Authorization"))));
        server.createContext("/op/revocation", x -> send(x, op.revocation(
                new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
        executor = Executors.newFixedThreadPool(4); // the OP calls the RP's entity configuration on this server
        server.setExecutor(executor);
        server.start();
    }

    private interface Handler {
        Object answer(HttpExchange exchange) throws IOException;
    }

    private static final class Answer200 {
        final String type;
        final String body;

        Answer200(String type, String body) {
            this.type = type;
            this.body = body;
        }
    }

    private void route(String path, Supplier<Answer> answer) {
        server.createContext(path, x -> send(x, answer.get()));
    }

    private void route(String path, Handler handler) {
        server.createContext(path, x -> {
            Answer200 a = (Answer200) handler.answer(x);
            write(x, 200, a.type, a.body);
        });
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        write(exchange, answer.status(), answer.contentType(), answer.body());
    }

    private static void write(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Serves one more document, e.g. another RP's entity configuration.
     *
     * @param path the path on this server
     * @param type the media type
     * @param body makes the body
     */
    synchronized void serve(String path, String type, Supplier<String> body) {
        served.put(path, () -> body.get());
        if (served.size() > contexts) {
            contexts++;
            server.createContext(path, x -> write(x, 200, type, served.get(path).get()));
        }
    }

    /** @return the trust anchor as the RP pins it */
    TrustAnchor pinnedTrustAnchor() {
        return new TrustAnchor(trustAnchor, op.trustAnchorKeys());
    }

    /** @return RP settings pointing at this federation */
    OidcSettings.Builder rpSettings() {
        return OidcSettings.builder()
                .entityId(relyingParty)
                .redirectUri(URI.create(relyingParty + "/callback"))
                .providerEntityId(provider)
                .authorityHint(trustAnchor)
                .trustAnchor(pinnedTrustAnchor())
                .organizationName("Comune di Prova")
                .homepageUri(URI.create("https://comune.example.it"))
                .policyUri(URI.create("https://comune.example.it/privacy"))
                .logoUri(URI.create("https://comune.example.it/logo.svg"))
                .contact("protocollo@pec.comune.example.it");
    }

    /**
     * The browser at the OP's authorization endpoint: the OP checks the request, the tester logs in as
     * {@link TestCitizen#MARIO_ROSSI} with the chosen level and outcome, and the browser comes back.
     *
     * @param location where the RP redirected the browser
     * @return the callback's query parameters
     */
    Map<String, List<String>> authorize(URI location) {
        OidcTestFederation.Authorization authorization = op.authorize(location.getRawQuery());
        CieLevel level = assertedLevel != null ? assertedLevel : authorization.level();
        URI back = op.complete(authorization, TestCitizen.MARIO_ROSSI, level, outcome);
        return URLUtils.parseParameters(back.getRawQuery());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
