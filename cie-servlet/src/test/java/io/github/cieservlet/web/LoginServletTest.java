package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.IdpMetadataXml;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.spi.LoginStart;
import io.github.cieservlet.spi.ProtocolEvidence;
import io.github.cieservlet.spi.ProtocolLogin;
import io.github.cieservlet.spi.PublishedDocument;
import io.github.cieservlet.store.PendingProtocolLogin;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.store.RelayStateTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login endpoint without a container ({@link FakeHttp}): the target check comes first and a refusal sets no
 * cookie; each login gets a fresh RelayState and its own sealed cookie, whatever the browser already holds; the
 * AuthnRequest goes by HTTP-POST or Redirect; another protocol's start is sealed under its correlation value.
 */
class LoginServletTest {

    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00.123456Z");
    private static final String COOKIE_PREFIX = "__Host-cie_pending_";
    private static final Pattern RELAY_STATE_INPUT = Pattern.compile("name=\"RelayState\" value=\"([A-Za-z0-9_-]{43})\"");
    private static final Pattern SAML_REQUEST_INPUT = Pattern.compile("name=\"SAMLRequest\" value=\"([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    @RegisterExtension
    final LibraryFixture.PerTest libraries = new LibraryFixture.PerTest();

    private LibraryFixture library(RequestBinding binding, Optional<LoginProtocol> protocol) {
        LibraryFixture library = libraries.start(dir, Clock.fixed(NOW, ZoneOffset.UTC), b -> b.binding(binding),
                List.of(), cache -> protocol);
        return library;
    }

    private LibraryFixture library() {
        return library(RequestBinding.POST, Optional.empty());
    }

    private static FakeHttp.Request login(String method, String target) {
        FakeHttp.Request request = new FakeHttp.Request();
        request.method = method;
        request.servletPath = "/cie/login";
        if (target != null) {
            request.parameter("target", target);
        }
        return request;
    }

    private static FakeHttp.Response handle(LibraryFixture library, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        library.init(new LoginServlet()).service(request.proxy(), response.proxy());
        return response;
    }

    /** @return the pending login the response's cookie carries for this RelayState, read as the ACS will */
    private static PendingRequest pendingOf(LibraryFixture library, FakeHttp.Response response, String relayState) {
        String set = response.setCookies().stream().filter(c -> c.startsWith(COOKIE_PREFIX + relayState + "="))
                .findFirst().orElseThrow();
        assertThat(set).endsWith("; Path=/; Max-Age=" + Duration.ofMinutes(25).getSeconds()
                + "; HttpOnly; Secure; SameSite=None");
        String value = set.substring((COOKIE_PREFIX + relayState + "=").length(), set.indexOf(';'));
        FakeHttp.Request acs = new FakeHttp.Request().cookie(COOKIE_PREFIX + relayState, value);
        return PendingLoginCookies.of(library.provider).read(acs.proxy(), relayState).orElseThrow();
    }

    private static String relayStateOf(FakeHttp.Response response) {
        Matcher matcher = RELAY_STATE_INPUT.matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    private static void assertRefused(FakeHttp.Response response, CieError error) {
        assertThat(response.status).isEqualTo(error.httpStatus());
        assertThat(response.body()).contains(error.code());
        assertThat(response.setCookies()).as("a refused login sets no cookie").isEmpty();
        assertThat(response.header("Location")).isNull();
    }

    @Test
    void getSendsASignedAuthnRequestByPostWithAFreshRelayStateAndItsSealedCookie() throws Exception {
        LibraryFixture library = library();
        FakeHttp.Response response = handle(library, login("GET", "/area-riservata/pagina?x=1"));

        assertThat(response.status).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.body()).contains("<form method=\"post\" action=\"" + IdpMetadataXml.SSO_POST + "\">")
                .contains("<script nonce=");
        assertThat(response.header("Content-Security-Policy"))
                .contains("form-action https://preproduzione.idserver.servizicie.interno.gov.it");
        String relayState = relayStateOf(response);
        assertThat(response.setCookies()).hasSize(1);
        PendingRequest pending = pendingOf(library, response, relayState);
        assertThat(pending.target()).isEqualTo("/area-riservata/pagina?x=1");
        assertThat(pending.binding()).isEqualTo(RequestBinding.POST);
        assertThat(pending.destination()).isEqualTo(IdpMetadataXml.SSO_POST);
        assertThat(pending.issueInstant()).isEqualTo(Instant.parse("2026-11-28T04:00:00.123Z"));
        assertThat(pending.expiresAt()).isEqualTo(pending.issueInstant().plus(Duration.ofMinutes(15)));
        assertThat(pending.level()).isEqualTo(library.provider.settings().level());

        Matcher samlRequest = SAML_REQUEST_INPUT.matcher(response.body());
        assertThat(samlRequest.find()).isTrue();
        String xml = new String(Base64.getDecoder().decode(samlRequest.group(1)), StandardCharsets.UTF_8);
        assertThat(xml).contains("ID=\"" + pending.requestId() + "\"").contains("Destination=\"" + IdpMetadataXml.SSO_POST + "\"")
                .contains("<ds:SignatureValue>");
    }

    @Test
    void postStartsTheLoginToo() throws Exception {
        LibraryFixture library = library();
        FakeHttp.Response response = handle(library, login("POST", "/area-riservata/"));
        assertThat(response.status).isEqualTo(200);
        assertThat(pendingOf(library, response, relayStateOf(response)).target()).isEqualTo("/area-riservata/");
    }

    @Test
    void withoutATargetTheLoginReturnsToTheHomePage() throws Exception {
        LibraryFixture library = library();
        FakeHttp.Response response = handle(library, login("GET", null));
        assertThat(pendingOf(library, response, relayStateOf(response)).target()).isEqualTo("/");
    }

    @Test
    void aTargetOutsideTheApplicationIsRefusedBeforeAnyCookieOrSignature() throws Exception {
        LibraryFixture library = library();
        for (String target : new String[] {"//evil.example/x", "https://evil.example/", "evil", "/\\evil.example",
                "/a\r\nSet-Cookie: x=y", "/\u007f"}) {
            assertRefused(handle(library, login("GET", target)), CieError.INVALID_TARGET);
        }
    }

    /** A target that fits the policy but not a cookie once sealed: refused, not truncated. */
    @Test
    void aTargetTooLongToCarryIsRefused() throws Exception {
        LibraryFixture library = library();
        assertRefused(handle(library, login("GET", "/" + "è".repeat(1500))), CieError.INVALID_TARGET);
    }

    /** A cookie the browser already holds is never adopted: each login has its own new RelayState. */
    @Test
    void eachLoginGetsItsOwnRelayStateWhateverTheBrowserHolds() throws Exception {
        LibraryFixture library = library();
        FakeHttp.Response first = handle(library, login("GET", "/a"));
        String firstState = relayStateOf(first);
        String firstCookie = first.setCookies().get(0);
        FakeHttp.Request again = login("GET", "/b").cookie(COOKIE_PREFIX + firstState,
                firstCookie.substring(firstCookie.indexOf('=') + 1, firstCookie.indexOf(';')));
        FakeHttp.Response second = handle(library, again);
        String secondState = relayStateOf(second);

        assertThat(secondState).isNotEqualTo(firstState);
        assertThat(second.setCookies()).as("the first login in progress is kept").hasSize(1);
        assertThat(pendingOf(library, second, secondState).target()).isEqualTo("/b");
        assertThat(pendingOf(library, second, secondState).requestId()).isNotEqualTo(pendingOf(library, first, firstState)
                .requestId());
    }

    @Test
    void withTheRedirectBindingTheBrowserIsSentToTheIdpWithASignedQuery() throws Exception {
        LibraryFixture library = library(RequestBinding.REDIRECT, Optional.empty());
        FakeHttp.Response response = handle(library, login("GET", "/area"));

        assertThat(response.status).isEqualTo(302);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        String location = response.header("Location");
        assertThat(location).startsWith(IdpMetadataXml.SSO_REDIRECT + "?SAMLRequest=").contains("&SigAlg=")
                .contains("&Signature=");
        Matcher relayState = Pattern.compile("[?&]RelayState=([A-Za-z0-9_-]{43})").matcher(location);
        assertThat(relayState.find()).isTrue();
        PendingRequest pending = pendingOf(library, response, relayState.group(1));
        assertThat(pending.binding()).isEqualTo(RequestBinding.REDIRECT);
        assertThat(pending.destination()).isEqualTo(IdpMetadataXml.SSO_REDIRECT);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void withoutIdpMetadataTheLoginCannotStart() throws Exception {
        LibraryFixture library = library();
        Files.delete(dir.resolve("idp-metadata.xml"));
        assertRefused(handle(library, login("GET", "/area")), CieError.IDP_METADATA_UNAVAILABLE);
    }

    @Test
    void anotherProtocolsLoginIsSealedUnderItsCorrelationValue() throws Exception {
        String correlation = RelayStateTokens.newToken();
        byte[] state = {4, 2};
        LibraryFixture library = library(RequestBinding.POST, Optional.of(new StubProtocol(() ->
                new LoginStart(URI.create("https://op.example/authorize?state=" + correlation), correlation, state))));
        FakeHttp.Response response = handle(library, login("GET", "/area"));

        assertThat(response.status).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("https://op.example/authorize?state=" + correlation);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        String set = response.setCookies().get(0);
        assertThat(set).startsWith(COOKIE_PREFIX + correlation + "=");
        FakeHttp.Request callback = new FakeHttp.Request().cookie(COOKIE_PREFIX + correlation,
                set.substring((COOKIE_PREFIX + correlation + "=").length(), set.indexOf(';')));
        PendingProtocolLogin pending = PendingLoginCookies.of(library.provider).readProtocolLogin(callback.proxy(), correlation)
                .orElseThrow();
        assertThat(pending.state()).containsExactly(state);
        assertThat(pending.target()).isEqualTo("/area");
        assertThat(pending.expiresAt()).isEqualTo(Instant.parse("2026-11-28T04:15:00.123Z"));
    }

    @Test
    void anotherProtocolsRefusalsAreErrorPages() throws Exception {
        LibraryFixture unavailable = library(RequestBinding.POST, Optional.of(new StubProtocol(() -> {
            throw new CieAuthenticationException(CieError.TRUST_CHAIN_INVALID, "no trust chain");
        })));
        assertRefused(handle(unavailable, login("GET", "/area")), CieError.TRUST_CHAIN_INVALID);

        LibraryFixture broken = library(RequestBinding.POST, Optional.of(new StubProtocol(() -> {
            throw new IllegalStateException("bug");
        })));
        FakeHttp.Response response = handle(broken, login("GET", "/area"));
        assertRefused(response, CieError.INTERNAL_ERROR);
        assertThat(response.body()).doesNotContain("bug").doesNotContain("IllegalState");

        String correlation = RelayStateTokens.newToken();
        LibraryFixture tooLong = library(RequestBinding.POST, Optional.of(new StubProtocol(() ->
                new LoginStart(URI.create("https://op.example/"), correlation, new byte[1]))));
        assertRefused(handle(tooLong, login("GET", "/" + "è".repeat(1500))), CieError.INVALID_TARGET);
    }

    /** What the login endpoint needs of a protocol: its start. */
    private interface Start {
        LoginStart get() throws CieAuthenticationException;
    }

    private static final class StubProtocol implements LoginProtocol {
        private final Start start;

        StubProtocol(Start start) {
            this.start = start;
        }

        @Override
        public LoginStart start(CieLevel level) throws CieAuthenticationException {
            return start.get();
        }

        @Override
        public String callbackPath() {
            return "/stub/callback";
        }

        @Override
        public String correlationParameter() {
            return "state";
        }

        @Override
        public ProtocolLogin finish(Map<String, List<String>> parameters, byte[] pending, ProtocolEvidence evidence) {
            throw new AssertionError("not called by the login endpoint");
        }

        @Override
        public void logout(byte[] sessionState) {
            throw new AssertionError("not called by the login endpoint");
        }

        @Override
        public List<PublishedDocument> documents() {
            return List.of();
        }
    }
}
