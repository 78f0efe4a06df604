package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;

/**
 * The attacks of issue 9 that depend on the container, run over real HTTP against any running sample portal:
 * the embedded Jetty of the sample's ITs ({@code AttackIT}) and the real Tomcat 9 (javax), 10.1 and 11 of the
 * container tests ({@code ContainerLoginFlow}), each on its already started server.
 */
final class AttackChecks {

    /**
     * Request targets that reach the protected area through the endpoints' prefix: dot segments, {@code ..;},
     * encoded dots, path parameters, double encoding, empty segments. Seen letting the protected page through
     * on Jetty 12 and Tomcat 10.1/11 when the filter decided on the raw URI.
     */
    static final List<String> BYPASS_VARIANTS = List.of(
            "/cie/../area-riservata/whoami",
            "/cie/./../area-riservata/",
            "/cie/x/../../area-riservata/",
            "/cie/login/../../area-riservata/whoami",
            "/cie/..;/area-riservata/whoami",
            "/cie/..;/area-riservata/",
            "/cie/%2e%2e/area-riservata/whoami",
            "/cie/%2E%2E/area-riservata/whoami",
            "/cie/.%2e/area-riservata/whoami",
            "/cie/%2e./area-riservata/whoami",
            "/cie/;/../area-riservata/whoami",
            "/cie/..;jsessionid=x/area-riservata/whoami",
            "/cie/login;x=y/../../area-riservata/whoami",
            "/cie/%252e%252e/area-riservata/whoami",
            "/cie/%25%32%65%25%32%65/area-riservata/whoami",
            "//area-riservata/whoami",
            "/cie//../area-riservata/whoami",
            "/cie/login//../../area-riservata/whoami",
            "/area-riservata//whoami",
            "/area-riservata/./whoami",
            "/area-riservata;x=y/whoami");

    private AttackChecks() {
    }

    /**
     * Every variant, without a session, ends at the login (a 302 to {@code /cie/login}) or is refused by the
     * container (400, or 404 where it maps the variant to nothing, e.g. double encoding, or {@code ..;} on
     * WildFly); never the protected page.
     *
     * @param baseUrl the portal
     * @return a line per variant: what the container answered, for the test output
     */
    static String pathVariantsEndAtTheLogin(String baseUrl) throws Exception {
        StringBuilder report = new StringBuilder();
        int atLogin = 0;
        for (String variant : BYPASS_VARIANTS) {
            RawHttp.Answer answer = RawHttp.get(baseUrl, variant, null);
            report.append(variant).append(" -> ").append(answer.status).append('\n');
            assertThat(answer.body).as(variant).doesNotContain("remoteUser=").doesNotContain("Benvenuto/a");
            assertThat(answer.status).as(variant + "\n" + answer).isIn(302, 400, 404);
            if (answer.status == 302) {
                assertThat(answer.header("Location")).as(variant).startsWith(baseUrl + "/cie/login?target=");
                atLogin++;
            }
        }
        assertThat(atLogin).as("variants sent to the login\n" + report).isGreaterThanOrEqualTo(5);
        return report.toString();
    }

    /**
     * After a real login, the protected pages the filter lets through carry no-store, no-cache and no-framing
     * headers; the session cookie is SameSite=Lax.
     *
     * @param baseUrl the portal
     */
    static void protectedPagesAreNotCachedNorFramedAndTheSessionCookieIsLax(String baseUrl) throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9", baseUrl)) {
            HtmlPage autoPost = browser.choose(browser.openProtectedPageUntilIdp("/area-riservata/whoami"),
                    "MARIO_ROSSI", "SUCCESS", "L3");
            browser.client().getOptions().setRedirectEnabled(false);
            Page acs = browser.postToAcs(autoPost);
            browser.client().getOptions().setRedirectEnabled(true);
            assertThat(acs.getWebResponse().getStatusCode()).isEqualTo(303);
            List<String> sessionCookies = acs.getWebResponse().getResponseHeaders().stream()
                    .filter(h -> "set-cookie".equalsIgnoreCase(h.getName()))
                    .map(NameValuePair::getValue).filter(v -> v.startsWith("JSESSIONID=")).toList();
            assertThat(sessionCookies).as("the session cookie set at login").isNotEmpty()
                    .allSatisfy(c -> assertThat(c.toLowerCase(Locale.ROOT)).contains("samesite=lax").contains("httponly"));
            for (String path : List.of("/area-riservata/whoami", "/area-riservata/", "/")) {
                Page page = browser.get(path);
                assertThat(page.getWebResponse().getStatusCode()).as(path).isEqualTo(200);
                assertThat(page.getWebResponse().getResponseHeaderValue("Cache-Control")).as(path).contains("no-store");
                assertThat(page.getWebResponse().getResponseHeaderValue("Pragma")).as(path).isEqualTo("no-cache");
                if (!"/".equals(path)) {
                    assertThat(page.getWebResponse().getResponseHeaderValue("X-Frame-Options")).as(path).isEqualTo("DENY");
                    assertThat(page.getWebResponse().getResponseHeaders().stream()
                            .filter(h -> "content-security-policy".equalsIgnoreCase(h.getName()))
                            .map(NameValuePair::getValue)).as(path).anyMatch(v -> v.contains("frame-ancestors 'none'"));
                }
            }
            assertThat(browser.get("/area-riservata/whoami").getWebResponse().getContentAsString())
                    .contains("remoteUser=RSSMRA80A01H501U");
        }
    }

    /**
     * A login target with non-ASCII characters reaches the Location headers percent-encoded (UTF-8), from the
     * filter and from the ACS, so that the browser lands on the page it asked for.
     *
     * @param baseUrl the portal
     */
    static void nonAsciiTargetsArePercentEncodedInLocation(String baseUrl) throws Exception {
        RawHttp.Answer filter = RawHttp.get(baseUrl, "/area-riservata/citt%C3%A0-%E2%82%AC?q=%C3%A8", null);
        assertThat(filter.status).as(filter.toString()).isEqualTo(302);
        assertThat(filter.header("Location")).isEqualTo(baseUrl
                + "/cie/login?target=%2Farea-riservata%2Fcitt%25C3%25A0-%25E2%2582%25AC%3Fq%3D%25C3%25A8");
        String[][] cases = {
            {"/cie/login?target=%2Farea-riservata%2Fcitt%25C3%25A0-%25E2%2582%25AC%3Fq%3D%25C3%25A8",
                "/area-riservata/citt%C3%A0-%E2%82%AC?q=%C3%A8"},
            {"/cie/login?target=%2Farea-riservata%2Fcitt%C3%A0%20%E2%82%AC%3Fq%3D%C3%A8", "/area-riservata/citt%C3%A0%20%E2%82%AC?q=%C3%A8"},
        };
        for (String[] c : cases) {
            try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9", baseUrl)) {
                HtmlPage autoPost = browser.choose(browser.openProtectedPageUntilIdp(c[0]), "MARIO_ROSSI", "SUCCESS", "L3");
                browser.client().getOptions().setRedirectEnabled(false);
                Page acs = browser.postToAcs(autoPost);
                assertThat(acs.getWebResponse().getStatusCode()).as(c[0]).isEqualTo(303);
                assertThat(acs.getWebResponse().getResponseHeaderValue("Location")).as(c[0]).isEqualTo(baseUrl + c[1]);
            }
        }
    }
}
