package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationListener;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.EvidenceLocation;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.evidence.EvidenceEntry;
import io.github.cieservlet.evidence.EvidenceOutcome;
import io.github.cieservlet.evidence.EvidenceQuery;
import io.github.cieservlet.evidence.FileEvidenceSource;
import io.github.cieservlet.saml.IdpMetadataXml;
import io.github.cieservlet.saml.validation.TestResponses;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.store.RelayStateTokens;
import io.github.cieservlet.testing.TestSettings;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Assertion Consumer Service without a container ({@link FakeHttp}): a signed Response of the test identity
 * provider ({@link TestResponses}) for the login in progress this browser carries in its sealed cookie. Above all
 * the browser binding: an attacker holding a valid pending-login cookie and RelayState of their own cannot make
 * another browser's answer log anybody in, nor can any variant of the RelayState or the cookie name; and what a
 * refused post leaves behind (nothing consumed, one refusal counted and recorded).
 */
class AssertionConsumerServletTest {

    private static final String COOKIE_PREFIX = "__Host-cie_pending_";
    private static final String TARGET = "/area-riservata/pagina-è?x=1";

    @TempDir
    Path dir;

    @RegisterExtension
    final LibraryFixture.PerTest libraries = new LibraryFixture.PerTest();

    private LibraryFixture library(Instant now, List<CieAuthenticationListener> listeners) throws IOException {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        LibraryFixture library = libraries.start(dir, Clock.fixed(now, ZoneOffset.UTC),
                b -> b.evidence(EvidenceLocation.parse("file:" + evidence)), listeners, cache -> Optional.empty());
        return library;
    }

    private LibraryFixture library() throws IOException {
        return library(TestResponses.NOW, List.of());
    }

    /** A browser that started the login of {@link TestResponses#REQUEST_ID}: its RelayState and its cookie. */
    private static final class Browser {
        final String relayState = RelayStateTokens.newToken();
        final String cookieValue;

        Browser(LibraryFixture library, String requestId, Instant expiresAt) {
            PendingRequest pending = new PendingRequest(requestId, TestResponses.REQUEST_INSTANT, CieLevel.L3,
                    LevelComparison.MINIMUM, TARGET, IdpMetadataXml.SSO_POST, RequestBinding.POST, expiresAt);
            cookieValue = PendingLoginCookies.of(library.provider).seal(relayState, pending).orElseThrow();
        }

        Browser(LibraryFixture library) {
            this(library, TestResponses.REQUEST_ID, TestResponses.REQUEST_EXPIRY);
        }

        FakeHttp.Request post(byte[] samlResponse) {
            return AssertionConsumerServletTest.post(samlResponse, relayState).cookie(COOKIE_PREFIX + relayState, cookieValue);
        }
    }

    private static FakeHttp.Request post(byte[] samlResponse, String relayState) {
        FakeHttp.Request request = new FakeHttp.Request();
        request.servletPath = "/cie/acs";
        return request.form("SAMLResponse=" + encode(Base64.getEncoder().encodeToString(samlResponse))
                + (relayState == null ? "" : "&RelayState=" + encode(relayState)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The Response the identity provider signed for the victim's login (its instants are fixed: signed once). */
    private static final byte[] VICTIMS_RESPONSE = TestResponses.response().signedXml();

    private static byte[] victimsResponse() {
        return VICTIMS_RESPONSE.clone();
    }

    private static FakeHttp.Response handle(LibraryFixture library, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        library.init(new AssertionConsumerServlet()).service(request.proxy(), response.proxy());
        return response;
    }

    private static void assertLoggedIn(FakeHttp.Request request, FakeHttp.Response response) {
        assertThat(response.status).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo(TestSettings.BASE_URL + "/area-riservata/pagina-%C3%A8?x=1");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(request.session).isNotNull();
        CieIdentity identity = (CieIdentity) request.session.attributes.get(CieIdentity.SESSION_ATTRIBUTE);
        assertThat(identity.getFiscalNumber()).isEqualTo(TestResponses.FISCAL_NUMBER);
    }

    private static void assertRefused(FakeHttp.Request request, FakeHttp.Response response, CieError error) {
        assertThat(response.status).as(response.body()).isEqualTo(error.httpStatus());
        assertThat(response.body()).contains(error.code()).doesNotContain("Exception");
        assertThat(response.header("Location")).isNull();
        assertThat(request.session == null ? null : request.session.attributes.get(CieIdentity.SESSION_ATTRIBUTE))
                .as("nobody logged in").isNull();
    }

    private List<EvidenceEntry> evidence() throws Exception {
        List<EvidenceEntry> entries = new ArrayList<>();
        new FileEvidenceSource(dir.resolve("evidence")).forEach(EvidenceQuery.all(), r -> entries.add(r.entry()));
        return entries;
    }

    @Test
    void theBrowserThatStartedTheLoginIsLoggedInAndItsCookieDropped() throws Exception {
        LibraryFixture library = library();
        Browser browser = new Browser(library);
        byte[] xml = victimsResponse();
        FakeHttp.Request request = browser.post(xml);
        FakeHttp.Response response = handle(library, request);

        assertLoggedIn(request, response);
        assertThat(response.setCookies()).containsExactly(COOKIE_PREFIX + browser.relayState
                + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None");
        assertThat(library.provider.monitor().getLoginsAccepted()).isEqualTo(1);
        EvidenceEntry entry = evidence().get(0);
        assertThat(entry.outcome()).isEqualTo(EvidenceOutcome.ACCEPTED);
        assertThat(entry.requestId()).isEqualTo(TestResponses.REQUEST_ID);
        assertThat(entry.authnRequestXml()).contains("ID=\"" + TestResponses.REQUEST_ID + "\"");
        assertThat(entry.response()).isEqualTo(xml);
    }

    @Test
    void aSessionOpenedBeforeTheLoginGetsANewId() throws Exception {
        LibraryFixture library = library();
        FakeHttp.Request request = new Browser(library).post(victimsResponse());
        request.session = new FakeHttp.Session();
        FakeHttp.Response response = handle(library, request);

        assertLoggedIn(request, response);
        assertThat(request.sessionIdChanges).isEqualTo(1);
    }

    /**
     * The attack of issue 14: the attacker started a login of their own (valid cookie, valid RelayState) and
     * posts the answer meant for another browser with them. The answer is for another request: refused.
     */
    @Test
    void anAttackerWithTheirOwnValidCookieAndRelayStateCannotUseAnotherBrowsersAnswer() throws Exception {
        LibraryFixture library = library();
        Browser attacker = new Browser(library, "_attackers0own0request0id0000000", TestResponses.REQUEST_EXPIRY);
        FakeHttp.Request request = attacker.post(victimsResponse());
        FakeHttp.Response response = handle(library, request);

        assertRefused(request, response, CieError.UNKNOWN_REQUEST);
        assertThat(library.provider.monitor().getRefusals()).containsEntry(CieError.UNKNOWN_REQUEST.code(), 1L);
    }

    /** The attacker knows the victim's RelayState too, but holds only their own cookie. */
    @Test
    void anAttackerWithTheVictimsRelayStateButOnlyTheirOwnCookieIsRefusedAndTheVictimStillLogsIn() throws Exception {
        LibraryFixture library = library();
        Browser victim = new Browser(library);
        Browser attacker = new Browser(library);
        FakeHttp.Request attack = post(victimsResponse(), victim.relayState)
                .cookie(COOKIE_PREFIX + attacker.relayState, attacker.cookieValue);
        assertRefused(attack, handle(library, attack), CieError.UNKNOWN_REQUEST);

        // the attacker's own cookie value under the victim's RelayState: sealed for another RelayState
        FakeHttp.Request renamed = post(victimsResponse(), victim.relayState)
                .cookie(COOKIE_PREFIX + victim.relayState, attacker.cookieValue);
        assertRefused(renamed, handle(library, renamed), CieError.UNKNOWN_REQUEST);

        FakeHttp.Request genuine = victim.post(victimsResponse());
        assertLoggedIn(genuine, handle(library, genuine));
    }

    @Test
    void variantsOfTheRelayStateOrTheCookieNameAreNoneOfThisBrowsersLogins() throws Exception {
        LibraryFixture library = library();
        Browser victim = new Browser(library);
        String upper = victim.relayState.toUpperCase(Locale.ROOT);
        List<FakeHttp.Request> variants = List.of(
                post(victimsResponse(), upper).cookie(COOKIE_PREFIX + upper, victim.cookieValue),
                post(victimsResponse(), victim.relayState + " ").cookie(COOKIE_PREFIX + victim.relayState, victim.cookieValue),
                post(victimsResponse(), " " + victim.relayState).cookie(COOKIE_PREFIX + victim.relayState, victim.cookieValue),
                post(victimsResponse(), victim.relayState + "\t").cookie(COOKIE_PREFIX + victim.relayState, victim.cookieValue),
                post(victimsResponse(), victim.relayState).cookie("__host-cie_pending_" + victim.relayState, victim.cookieValue),
                post(victimsResponse(), victim.relayState).cookie("__Host-CIE_PENDING_" + victim.relayState, victim.cookieValue),
                post(victimsResponse(), victim.relayState).cookie("cie_pending_" + victim.relayState, victim.cookieValue),
                post(victimsResponse(), victim.relayState).cookie(COOKIE_PREFIX + upper, victim.cookieValue),
                post(victimsResponse(), null).cookie(COOKIE_PREFIX + victim.relayState, victim.cookieValue),
                post(victimsResponse(), "").cookie(COOKIE_PREFIX, victim.cookieValue));
        for (FakeHttp.Request variant : variants) {
            FakeHttp.Response response = handle(library, variant);
            assertRefused(variant, response, CieError.UNKNOWN_REQUEST);
            assertThat(response.setCookies()).as("nothing is dropped").isEmpty();
        }
        assertThat(library.provider.monitor().getRefusals()).containsEntry(CieError.UNKNOWN_REQUEST.code(),
                (long) variants.size());
        FakeHttp.Request genuine = victim.post(victimsResponse());
        assertLoggedIn(genuine, handle(library, genuine));
    }

    /** Posts each form body with the browser's cookie; each must be refused with the error. */
    private static void assertFormsRefused(LibraryFixture library, Browser browser, CieError error, String... bodies)
            throws Exception {
        for (String body : bodies) {
            FakeHttp.Request request = new FakeHttp.Request().form(body).cookie(COOKIE_PREFIX + browser.relayState,
                    browser.cookieValue);
            assertRefused(request, handle(library, request), error);
        }
    }

    @Test
    void aRelayStateOrResponseSentTwiceIsMalformed() throws Exception {
        LibraryFixture library = library();
        Browser browser = new Browser(library);
        String response = encode(Base64.getEncoder().encodeToString(victimsResponse()));
        assertFormsRefused(library, browser, CieError.MALFORMED_RESPONSE,
                "SAMLResponse=" + response + "&RelayState=" + browser.relayState + "&RelayState=" + browser.relayState,
                "SAMLResponse=" + response + "&SAMLResponse=" + response + "&RelayState=" + browser.relayState);
    }

    @Test
    void aMissingEmptyOrUndecodableResponseIsMissing() throws Exception {
        LibraryFixture library = library();
        Browser browser = new Browser(library);
        assertFormsRefused(library, browser, CieError.MISSING_RESPONSE, "RelayState=" + browser.relayState,
                "SAMLResponse=&RelayState=" + browser.relayState, "SAMLResponse=A&RelayState=" + browser.relayState);
        assertThat(evidence()).as("no Response, nothing to keep").isEmpty();
        assertThat(library.provider.monitor().getRefusals()).containsEntry(CieError.MISSING_RESPONSE.code(), 3L);
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        LibraryFixture library = library();
        Browser browser = new Browser(library);
        for (String method : new String[] {"GET", "PUT", "DELETE", "post", "Post", "OPTIONS"}) {
            FakeHttp.Request request = browser.post(victimsResponse());
            request.method = method;
            FakeHttp.Response response = handle(library, request);
            assertRefused(request, response, CieError.METHOD_NOT_ALLOWED);
            assertThat(response.header("Allow")).as(method).isEqualTo("POST");
        }
        FakeHttp.Request genuine = browser.post(victimsResponse());
        assertLoggedIn(genuine, handle(library, genuine));
    }

    @Test
    void aLoginAnsweredAtItsExpiryIsExpiredAndOneMillisecondBeforeIsNot() throws Exception {
        LibraryFixture library = library();
        FakeHttp.Request late = new Browser(library, TestResponses.REQUEST_ID, TestResponses.NOW).post(victimsResponse());
        assertRefused(late, handle(library, late), CieError.REQUEST_EXPIRED);
        EvidenceEntry refused = evidence().get(0);
        assertThat(refused.outcome()).isEqualTo(EvidenceOutcome.REFUSED);
        assertThat(refused.errorCode()).isEqualTo(CieError.REQUEST_EXPIRED.code());
        assertThat(refused.requestId()).isEqualTo(TestResponses.REQUEST_ID);
        assertThat(refused.idpEntityId()).isEqualTo(TestSettings.IDP_ENTITY_ID);

        FakeHttp.Request inTime = new Browser(library, TestResponses.REQUEST_ID, TestResponses.NOW.plusMillis(1))
                .post(victimsResponse());
        assertLoggedIn(inTime, handle(library, inTime));
    }

    @Test
    void bytesThatAreNoXmlAreMalformed() throws Exception {
        LibraryFixture library = library();
        FakeHttp.Request request = new Browser(library).post("<samlp:Response".getBytes(StandardCharsets.UTF_8));
        assertRefused(request, handle(library, request), CieError.MALFORMED_RESPONSE);
    }

    /** The answer validated but its request was already answered (a copied cookie): one login only. */
    @Test
    void twoAnswersToOneLoginLogInOnce() throws Exception {
        LibraryFixture library = library();
        Browser browser = new Browser(library);
        FakeHttp.Request first = browser.post(victimsResponse());
        assertLoggedIn(first, handle(library, first));

        byte[] other = TestResponses.response().edit(response -> {
            response.setID("_0another0response0id00000000000");
            response.getAssertions().get(0).setID("_0another0assertion0id000000000");
        }).signedXml();
        FakeHttp.Request second = browser.post(other);
        FakeHttp.Response refused = handle(library, second);
        assertRefused(second, refused, CieError.UNKNOWN_REQUEST);

        FakeHttp.Request replayed = browser.post(victimsResponse());
        assertThat(handle(library, replayed).status).isEqualTo(403);
        assertThat(library.provider.monitor().getLoginsAccepted()).isEqualTo(1);
    }

    @Test
    void aFailingListenerRefusesTheLoginAndStoresNobody() throws Exception {
        LibraryFixture library = library(TestResponses.NOW, List.of(event -> {
            throw new IllegalStateException("the portal's database is down");
        }));
        FakeHttp.Request request = new Browser(library).post(victimsResponse());
        FakeHttp.Response response = handle(library, request);
        assertRefused(request, response, CieError.INTERNAL_ERROR);
        assertThat(response.body()).doesNotContain("database");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorPageWithoutDetail() throws Exception {
        LibraryFixture library = library();
        FakeHttp.Request request = new Browser(library).post(victimsResponse());
        request.failure = new IllegalStateException("container trouble");
        FakeHttp.Response response = handle(library, request);
        assertRefused(request, response, CieError.INTERNAL_ERROR);
        assertThat(response.body()).doesNotContain("container trouble").doesNotContain("IllegalState");
        assertThat(library.provider.monitor().getRefusals()).containsEntry(CieError.INTERNAL_ERROR.code(), 1L);
    }

    @Test
    void aRefusalWithoutIdpMetadataIsRecordedWithoutAnIdentityProvider() throws Exception {
        LibraryFixture library = library();
        Browser browser = new Browser(library);
        Files.delete(dir.resolve("idp-metadata.xml"));
        FakeHttp.Request request = browser.post(victimsResponse());
        assertRefused(request, handle(library, request), CieError.IDP_METADATA_UNAVAILABLE);
        EvidenceEntry refused = evidence().get(0);
        assertThat(refused.errorCode()).isEqualTo(CieError.IDP_METADATA_UNAVAILABLE.code());
        assertThat(refused.idpEntityId()).isNull();
    }
}
