package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The filter's decision is on the servlet the container mapped the request to and on its normalised path, never
 * on the raw URI (the end-to-end variants are in the sample's {@code PathBypassIT} and the container tests).
 */
class FilterPathDecisionTest {

    private static final LibraryEndpoints ENDPOINTS = LibraryEndpoints.named(Set.of("cie-login", "cie-acs"));

    /** A request as the container sees it: the raw URI the client sent and the servlet it maps to. */
    private static HttpServletRequest request(String rawUri, String servletName) {
        HttpServletMapping mapping = new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return "";
            }

            @Override
            public String getPattern() {
                return "";
            }

            @Override
            public String getServletName() {
                return servletName;
            }

            @Override
            public MappingMatch getMappingMatch() {
                return MappingMatch.PATH;
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(FilterPathDecisionTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getHttpServletMapping":
                            return mapping;
                        case "getRequestURI":
                            return rawUri;
                        default:
                            throw new AssertionError("the decision must not read " + method.getName());
                    }
                });
    }

    @Test
    void uriThatStartsWithThePrefixButMapsToTheApplicationIsNotAnEndpoint() {
        for (String raw : new String[] {"/cie/../area-riservata/whoami", "/cie/..;/area-riservata/",
                "/cie/%2e%2e/area-riservata/", "/cie/.%2e/area-riservata/", "/cie/;/../area-riservata/",
                "/cie/..;jsessionid=x/area-riservata/", "/cie/x/../../area-riservata/", "/cie/login/../../area-riservata/"}) {
            assertThat(ENDPOINTS.serves(request(raw, "whoami"))).as(raw).isFalse();
            assertThat(ENDPOINTS.serves(request(raw, "jsp"))).as(raw).isFalse();
        }
    }

    @Test
    void endpointsAreRecognisedByTheirServletWhateverTheUri() {
        assertThat(ENDPOINTS.serves(request("/cie/login", "cie-login"))).isTrue();
        assertThat(ENDPOINTS.serves(request("/area-riservata/../cie/acs", "cie-acs"))).isTrue();
        assertThat(ENDPOINTS.serves(request("/cie/login", "cie-login-lookalike"))).isFalse();
        assertThat(ENDPOINTS.serves(request("/cie/metadata", "cie-metadata"))).isFalse();
    }

    @Test
    void returnTargetIsTheNormalisedPathPercentEncoded() {
        assertThat(CieAuthenticationFilter.returnTarget("/area-riservata", "/whoami", "GET", null))
                .isEqualTo("/area-riservata/whoami");
        assertThat(CieAuthenticationFilter.returnTarget("/area-riservata/pagina-è", null, "GET", "q=%C3%A8&x=è"))
                .isEqualTo("/area-riservata/pagina-%C3%A8?q=%C3%A8&x=%C3%A8");
        assertThat(CieAuthenticationFilter.returnTarget("/a b", "/c?d#e%", "POST", "x=1")).isEqualTo("/a%20b/c%3Fd%23e%25");
        assertThat(CieAuthenticationFilter.returnTarget("", null, "GET", null)).isEqualTo("/");
        assertThat(CieAuthenticationFilter.returnTarget("", "/", "GET", null)).isEqualTo("/");
    }

    @Test
    void locationsAreAsciiWithExistingEscapesKept() {
        assertThat(Locations.encode("/area-riservata/città?q=è#frag")).isEqualTo("/area-riservata/citt%C3%A0?q=%C3%A8#frag");
        assertThat(Locations.encode("/a%C3%A8/b%zz/%")).isEqualTo("/a%C3%A8/b%25zz/%25");
        assertThat(Locations.encode("/emoji-\uD83D\uDE00 x\"<>")).isEqualTo("/emoji-%F0%9F%98%80%20x%22%3C%3E");
        assertThat(Locations.encode("/plain/path?a=1&b=2")).isEqualTo("/plain/path?a=1&b=2");
    }
}
