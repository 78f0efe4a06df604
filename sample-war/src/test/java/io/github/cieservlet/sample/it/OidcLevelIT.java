package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.github.cieservlet.CieLevel;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code cie.protocol=oidc} at each level the portal can ask for ({@code cie.level}; L3 is the sample's own, in
 * {@link OidcLoginIT}): the request object asks for that level ({@code acr_values}), the OP's {@code acr} below it is
 * refused with {@code CIE-INSUFFICIENT_LEVEL} (403), the same level and a higher one log in with the level asserted.
 */
class OidcLevelIT {

    @ParameterizedTest
    @EnumSource(value = CieLevel.class, names = {"L1", "L2"})
    void theRequestedLevelIsAskedAndTheAssertedAcrIsChecked(CieLevel requested) throws Exception {
        Server portal = PortalServer.startAnother(Map.of("cie.protocol", "oidc", "cie.level", requested.name()));
        try {
            String baseUrl = PortalServer.baseUrlOf(portal);
            for (CieLevel asserted : CieLevel.values()) {
                try (CieBrowser browser = new CieBrowser(false, "en", baseUrl)) {
                    HtmlPage chooser = (HtmlPage) browser.get("/area-riservata/");
                    SignedJWT requestObject = SignedJWT.parse(
                            URLUtils.parseParameters(chooser.getUrl().getQuery()).get("request").get(0));
                    assertThat(requestObject.getJWTClaimsSet().getStringClaim("acr_values")).isEqualTo(requested.uri());

                    Page page = browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", asserted.name());

                    if (asserted.isAtLeast(requested)) {
                        assertThat(page.getUrl().toString()).isEqualTo(baseUrl + "/area-riservata/");
                        assertThat(((HtmlPage) page).getElementById("level").asNormalizedText()).isEqualTo(asserted.name());
                    } else {
                        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
                        assertThat(((HtmlPage) page).asNormalizedText()).contains("CIE-INSUFFICIENT_LEVEL");
                    }
                }
            }
        } finally {
            portal.stop();
        }
    }
}
