package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the portal refuses, seen from a browser: replays, other browsers' Responses, bad targets, wrong methods. */
@ExtendWith(PortalServer.class)
class RefusalIT {

    @Test
    void replayedResponseIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage autoPost = browser.choose(browser.openProtectedPageUntilIdp("/area-riservata/"),
                    "MARIO_ROSSI", "SUCCESS", "L3");
            String response = CieBrowser.field(autoPost, "SAMLResponse");
            String relayState = CieBrowser.field(autoPost, "RelayState");
            assertThat(browser.postToAcs(autoPost).getWebResponse().getStatusCode()).isEqualTo(200);

            Page replay = browser.postResponse(response, relayState);
            assertThat(replay.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(replay.getWebResponse().getContentAsString()).contains("CIE-UNKNOWN_REQUEST");
        }
    }

    @Test
    void responseForAnotherBrowsersLoginIsRefused() throws Exception {
        String response;
        String relayState;
        try (CieBrowser victim = new CieBrowser()) {
            HtmlPage autoPost = victim.choose(victim.openProtectedPageUntilIdp("/area-riservata/"),
                    "MARIO_ROSSI", "SUCCESS", "L3");
            response = CieBrowser.field(autoPost, "SAMLResponse");
            relayState = CieBrowser.field(autoPost, "RelayState");
        }
        try (CieBrowser attacker = new CieBrowser()) {
            Page page = attacker.postResponse(response, relayState);
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(page.getWebResponse().getContentAsString()).contains("CIE-UNKNOWN_REQUEST");
            assertThat(attacker.get("/area-riservata/whoami").getUrl().getPath()).isEqualTo("/cie/login");
        }
    }

    @Test
    void unsolicitedResponseIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            Page page = browser.postResponse("PHNhbWxwOlJlc3BvbnNlLz4=", "no-such-relay-state");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(page.getWebResponse().getContentAsString()).contains("CIE-UNKNOWN_REQUEST");
        }
    }

    @Test
    void oversizedResponseIsRefusedBeforeParsing() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            Page page = browser.postResponse("A".repeat(300 * 1024), "x");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(413);
            assertThat(page.getWebResponse().getContentAsString()).contains("CIE-RESPONSE_TOO_LARGE");
        }
    }

    @Test
    void acsAnswersGetWith405() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            Page page = browser.get("/cie/acs");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(405);
            assertThat(page.getWebResponse().getContentAsString()).contains("CIE-METHOD_NOT_ALLOWED");
        }
    }

    @Test
    void loginToAnotherHostIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            for (String target : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example",
                "\\\\evil.example", "javascript:alert(1)"}) {
                Page page = browser.get("/cie/login?target=" + java.net.URLEncoder.encode(target, "UTF-8"));
                assertThat(page.getWebResponse().getStatusCode()).as(target).isEqualTo(400);
                assertThat(page.getWebResponse().getContentAsString()).as(target).contains("CIE-INVALID_TARGET");
                // "Riprova" does not carry the hostile target on: it starts a login without one (cie.defaultTarget)
                assertThat(((HtmlPage) page).getAnchorByText("Riprova").getHrefAttribute()).as(target)
                        .isEqualTo("/cie/login");
            }
        }
    }

    @Test
    void metadataIsServedSigned() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            Page page = browser.get("/cie/metadata");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getWebResponse().getContentType()).isEqualTo("application/samlmetadata+xml");
            assertThat(page.getWebResponse().getContentAsString()).contains("EntityDescriptor",
                    "entityID=\"http://localhost:8080/cie\"", "SignatureValue",
                    "Location=\"" + PortalServer.baseUrl() + "/cie/acs\"");
        }
    }
}
