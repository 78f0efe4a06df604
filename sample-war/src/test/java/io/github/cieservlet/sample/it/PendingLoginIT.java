package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logins in progress travel in the browser (one sealed cookie per login, named after its RelayState): the binding
 * to the browser is checked before anything is consumed, so an attacker with their own valid cookie or their own
 * valid RelayState can neither complete nor cancel someone else's login; a fresh cookie is made at every login
 * start; tabs log in in parallel, up to the per-browser cap.
 */
@ExtendWith(PortalServer.class)
class PendingLoginIT {

    private static final String PREFIX = "cie_pending_";

    /** A login stopped on the test IdP's auto-post page: its Response and RelayState. */
    private static final class Answered {
        final HtmlPage autoPost;
        final String response;
        final String relayState;

        Answered(HtmlPage autoPost) {
            this.autoPost = autoPost;
            this.response = CieBrowser.field(autoPost, "SAMLResponse");
            this.relayState = CieBrowser.field(autoPost, "RelayState");
        }
    }

    private static Answered answered(CieBrowser browser, String citizen) throws Exception {
        return new Answered(browser.choose(browser.openProtectedPageUntilIdp("/area-riservata/whoami"), citizen,
                "SUCCESS", "L3"));
    }

    private static List<Cookie> pendingCookies(CieBrowser browser) {
        List<Cookie> cookies = new ArrayList<>();
        for (Cookie cookie : browser.client().getCookieManager().getCookies()) {
            if (cookie.getName().startsWith(PREFIX)) {
                cookies.add(cookie);
            }
        }
        return cookies;
    }

    private static String pendingValue(CieBrowser browser, String relayState) {
        return pendingCookies(browser).stream().filter(c -> c.getName().equals(PREFIX + relayState)).findFirst()
                .map(Cookie::getValue).orElseThrow(() -> new AssertionError("no pending cookie for " + relayState));
    }

    private static void plant(CieBrowser browser, String name, String value) throws Exception {
        URL base = new URL(PortalServer.baseUrl());
        browser.client().getCookieManager().addCookie(new Cookie(base.getHost(), name, value, "/cie", null, false, true));
    }

    private static void assertRefused(Page page) {
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(page.getWebResponse().getContentAsString()).contains("CIE-UNKNOWN_REQUEST");
    }

    private static void assertLoggedInAs(Page page, String fiscalCode) {
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getWebResponse().getContentAsString()).contains("remoteUser=" + fiscalCode);
    }

    @Test
    void attackerWithTheirOwnValidCookieAndRelayStateNeitherCompletesNorCancelsTheVictimsLogin() throws Exception {
        try (CieBrowser victim = new CieBrowser(); CieBrowser attacker = new CieBrowser()) {
            Answered victims = answered(victim, "MARIO_ROSSI");
            Answered attackers = answered(attacker, "BIANCA_VERDI");
            String attackersCookie = pendingValue(attacker, attackers.relayState);

            // the victim's Response and RelayState, posted with the attacker's own valid cookie
            assertRefused(attacker.postResponse(victims.response, victims.relayState));
            // the attacker's own cookie value under the victim's RelayState: bound to another RelayState
            plant(attacker, PREFIX + victims.relayState, attackersCookie);
            assertRefused(attacker.postResponse(victims.response, victims.relayState));
            // the victim's Response with the attacker's own valid RelayState and cookie: not the request it answers
            assertRefused(attacker.postResponse(victims.response, attackers.relayState));
            assertThat(attacker.get("/area-riservata/whoami").getUrl().getPath()).isEqualTo("/cie/login");

            // none of that consumed or cancelled the victim's login
            assertLoggedInAs(victim.postToAcs(victims.autoPost), "RSSMRA80A01H501U");
        }
    }

    @Test
    void relayStateVariantsNeitherMatchNorCancelTheLogin() throws Exception {
        try (CieBrowser victim = new CieBrowser()) {
            Answered login = answered(victim, "MARIO_ROSSI");
            String rs = login.relayState;
            for (String variant : List.of(rs.toUpperCase(Locale.ROOT), rs.toLowerCase(Locale.ROOT), " " + rs, rs + " ",
                    rs + "\t", rs + "\n", rs.substring(1), rs + "x", rs + "%00")) {
                if (!variant.equals(rs)) {
                    assertRefused(victim.postResponse(login.response, variant));
                }
            }
            assertThat(pendingCookies(victim)).as("the refusals left the login in progress").hasSize(1);
            assertLoggedInAs(victim.postToAcs(login.autoPost), "RSSMRA80A01H501U");
            assertThat(pendingCookies(victim)).as("the answered login's cookie is dropped").isEmpty();
        }
    }

    @Test
    void everyLoginStartGetsAFreshCookieNeverOneTheClientChose() throws Exception {
        try (CieBrowser attacker = new CieBrowser(); CieBrowser victim = new CieBrowser()) {
            Answered attackers = answered(attacker, "BIANCA_VERDI");
            String planted = pendingValue(attacker, attackers.relayState);
            plant(victim, PREFIX + attackers.relayState, planted);
            plant(victim, PREFIX + "chosen-by-the-attacker-0123456789012345678901", "x");

            HtmlPage toIdp = (HtmlPage) victim.get("/area-riservata/whoami");
            String relayState = toIdp.getForms().get(0).getInputByName("RelayState").getValue();
            assertThat(relayState).isNotEqualTo(attackers.relayState).doesNotContain("chosen");
            assertThat(pendingValue(victim, relayState)).isNotEqualTo(planted).isNotEqualTo("x");
        }
    }

    @Test
    void tabsLogInInParallelAndTheOldestBeyondTheCapIsDropped() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            List<Answered> tabs = new ArrayList<>();
            String[] citizens = {"MARIO_ROSSI", "BIANCA_VERDI", "MARIO_ROSSI", "BIANCA_VERDI", "MARIO_ROSSI"};
            for (String citizen : citizens) {
                tabs.add(answered(browser, citizen));
            }
            assertThat(pendingCookies(browser)).as("at most 4 logins in progress per browser").hasSize(4);
            assertRefused(browser.postToAcs(tabs.get(0).autoPost));
            for (int i = tabs.size() - 1; i >= 1; i--) {
                Page page = browser.postToAcs(tabs.get(i).autoPost);
                assertLoggedInAs(page, i % 2 == 0 ? "RSSMRA80A01H501U" : "VRDBNC92E57F205E");
            }
        }
    }

    @Test
    void aCopiedCookieAnswersOnceOnly() throws Exception {
        try (CieBrowser victim = new CieBrowser(); CieBrowser copy = new CieBrowser()) {
            Answered login = answered(victim, "MARIO_ROSSI");
            plant(copy, PREFIX + login.relayState, pendingValue(victim, login.relayState));
            assertLoggedInAs(victim.postToAcs(login.autoPost), "RSSMRA80A01H501U");
            Page second = copy.postResponse(login.response, login.relayState);
            assertThat(second.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(copy.get("/area-riservata/whoami").getUrl().getPath()).isEqualTo("/cie/login");
        }
    }

    /** The SP's form to the IdP, before it is submitted: the AuthnRequest exactly as sent. */
    static String samlRequestSent(HtmlPage toIdp) {
        HtmlForm form = toIdp.getForms().get(0);
        return form.getInputByName("SAMLRequest").getValue();
    }
}
