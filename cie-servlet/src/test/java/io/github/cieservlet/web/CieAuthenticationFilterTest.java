package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.ProtectedHeaders;
import io.github.cieservlet.testing.TestSettings;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter without a container ({@link FakeHttp}): the library's endpoints pass untouched, a citizen logged in
 * with CIE passes as the request's user with the protected headers, anybody else is sent to the login endpoint
 * with the normalised path the container maps (never the raw URI) as target.
 */
class CieAuthenticationFilterTest {

    private static final CieIdentity CITIZEN = CieIdentity.builder().name("BIANCA").familyName("ROSSI")
            .dateOfBirth(java.time.LocalDate.of(1980, 1, 1)).nameIdQualifier(TestSettings.IDP_ENTITY_ID)
            .fiscalNumber("TINIT-RSSBNC80A41H501X").level(CieLevel.L3).nameId("nameid").sessionIndex("_s")
            .authnInstant(Instant.parse("2026-11-28T04:00:00Z")).idpEntityId(TestSettings.IDP_ENTITY_ID).build();

    @TempDir
    Path dir;

    @RegisterExtension
    final LibraryFixture.PerTest libraries = new LibraryFixture.PerTest();
    private final List<ServletRequest> passed = new ArrayList<>();

    private CieAuthenticationFilter filter(ProtectedHeaders headers) {
        LibraryFixture library = libraries.start(dir, Clock.systemUTC(), b -> b.protectedHeaders(headers), List.of(),
                cache -> Optional.empty());
        return library.init(new CieAuthenticationFilter());
    }

    private FakeHttp.Response handle(CieAuthenticationFilter filter, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(request.proxy(), response.proxy(), (req, res) -> passed.add(req));
        return response;
    }

    private static FakeHttp.Request page(String method, String servletPath, String pathInfo, String query) {
        FakeHttp.Request request = new FakeHttp.Request();
        request.method = method;
        request.servletPath = servletPath;
        request.pathInfo = pathInfo;
        request.query = query;
        return request;
    }

    private static FakeHttp.Request citizensPage() {
        FakeHttp.Request request = page("GET", "/area-riservata", "/pagina", null);
        request.session = new FakeHttp.Session();
        request.session.attributes.put(CieIdentity.SESSION_ATTRIBUTE, CITIZEN);
        return request;
    }

    @Test
    void anonymousGetIsSentToTheLoginWithTheMappedPathAndQuery() throws Exception {
        FakeHttp.Response response = handle(filter(ProtectedHeaders.DENY),
                page("GET", "/area-riservata", "/pagina è", "x=1&y=è"));
        assertThat(passed).isEmpty();
        assertThat(response.status).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(TestSettings.BASE_URL
                + "/cie/login?target=%2Farea-riservata%2Fpagina%2520%25C3%25A8%3Fx%3D1%26y%3D%25C3%25A8");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void anonymousPostReturnsToThePageWithoutItsQuery() throws Exception {
        FakeHttp.Response response = handle(filter(ProtectedHeaders.DENY), page("POST", "/area-riservata", null, "x=1"));
        assertThat(response.status).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(TestSettings.BASE_URL + "/cie/login?target=%2Farea-riservata");
        assertThat(passed).isEmpty();
    }

    @Test
    void aSessionWithoutACieIdentityIsAnonymous() throws Exception {
        FakeHttp.Request request = page("GET", "/area-riservata", "/", null);
        request.session = new FakeHttp.Session();
        request.session.attributes.put(CieIdentity.SESSION_ATTRIBUTE, "TINIT-RSSBNC80A41H501X");
        FakeHttp.Response response = handle(filter(ProtectedHeaders.DENY), request);
        assertThat(response.status).isEqualTo(302);
        assertThat(passed).isEmpty();
    }

    @Test
    void theLoggedInCitizenPassesAsTheRequestsUserWithTheProtectedHeaders() throws Exception {
        FakeHttp.Request request = citizensPage();
        FakeHttp.Response response = handle(filter(ProtectedHeaders.DENY), request);

        assertThat(response.status).isEqualTo(200);
        assertThat(response.header("Location")).isNull();
        assertThat(passed).singleElement().isInstanceOf(CieRequestWrapper.class);
        HttpServletRequest wrapped = (HttpServletRequest) passed.get(0);
        assertThat(wrapped.getRemoteUser()).isEqualTo("RSSBNC80A41H501X");
        assertThat(wrapped.getUserPrincipal().getName()).isEqualTo("RSSBNC80A41H501X");
        assertThat(wrapped.getAuthType()).isEqualTo(CieRequestWrapper.AUTH_TYPE);
        assertThat(request.attributes).containsEntry(CieIdentity.REQUEST_ATTRIBUTE, CITIZEN);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Pragma")).isEqualTo("no-cache");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    }

    @Test
    void theProtectedHeadersFollowTheSetting() throws Exception {
        FakeHttp.Response sameOrigin = handle(filter(ProtectedHeaders.SAMEORIGIN), citizensPage());
        assertThat(sameOrigin.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(sameOrigin.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'self'");

        FakeHttp.Response noCache = handle(filter(ProtectedHeaders.NOCACHE), citizensPage());
        assertThat(noCache.header("Cache-Control")).isEqualTo("no-store");
        assertThat(noCache.header("X-Frame-Options")).isNull();
        assertThat(noCache.header("Content-Security-Policy")).isNull();

        FakeHttp.Response none = handle(filter(ProtectedHeaders.NONE), citizensPage());
        assertThat(none.headers).isEmpty();
        assertThat(passed).hasSize(3);
    }

    @Test
    void theLibrarysOwnEndpointsPassUntouched() throws Exception {
        FakeHttp.Request acs = page("POST", "/cie/acs", null, null);
        acs.servletName = FakeHttp.ACS_SERVLET_NAME;
        FakeHttp.Response response = handle(filter(ProtectedHeaders.DENY), acs);
        assertThat(passed).containsExactly(acs.proxy());
        assertThat(response.headers).isEmpty();
        assertThat(response.status).isEqualTo(200);
    }

    /** A raw URI that starts with the endpoints' prefix but maps to an application page is protected. */
    @Test
    void aPathThatOnlyLooksLikeAnEndpointIsProtected() throws Exception {
        FakeHttp.Request sneaky = page("GET", "/area-riservata", "/", null);
        sneaky.servletName = "cie-acs-lookalike";
        FakeHttp.Response response = handle(filter(ProtectedHeaders.DENY), sneaky);
        assertThat(response.status).isEqualTo(302);
        assertThat(passed).isEmpty();
    }
}
