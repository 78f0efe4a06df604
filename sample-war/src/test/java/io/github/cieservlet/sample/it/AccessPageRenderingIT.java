// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.taglib.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's {@code accedi.jsp}, served by the running portal with its real Content-Security-Policy header
 * (a fresh nonce per response), in headless Chromium: the SPID chooser's script runs, the buttons' style applies,
 * and the screenshot becomes {@code docs/images/sample-access-page.png}.
 */
@ExtendWith(PortalServer.class)
class AccessPageRenderingIT {

    private static final int[] CIE_BLUE = {0, 83, 162};
    private static final int[] SPID_BLUE = {0, 102, 204};
    private static final int[] EIDAS_BLUE = {0, 68, 148};

    @Test
    void theAccessPageRunsTheTagsScriptAndStyleUnderItsCspAndShowsTheThreeButtons(@TempDir Path profiles)
            throws Exception {
        HeadlessChromium chromium = new HeadlessChromium(Paths.get("target", "page-rendering").toAbsolutePath(),
                profiles, 900, 760);
        String url = PortalServer.baseUrl() + "/accedi.jsp";

        String dom = chromium.dom(url, "accedi");
        assertThat(dom).as("the SPID script ran: it marks the page").containsPattern("<html [^>]*class=\"[^\"]*cie-spid-js");
        assertThat(dom).contains("Entra con SPID").contains("Entra con CIE").contains("Login with eIDAS")
                .contains("aria-expanded=\"false\"");

        BufferedImage page = chromium.screenshot(url, "sample-access-page.png");
        // below the portal's header (itself #06c); a 280 x 56 button is about 15,000 pixels, most of them its
        // colour: the buttons' style applied under the CSP
        BufferedImage screenshot = page.getSubimage(0, 100, page.getWidth(), page.getHeight() - 100);
        assertThat(HeadlessChromium.pixelsOf(screenshot, SPID_BLUE)).as("SPID blue pixels").isGreaterThan(8000);
        assertThat(HeadlessChromium.pixelsOf(screenshot, CIE_BLUE)).as("CIE blue pixels").isGreaterThan(8000);
        assertThat(HeadlessChromium.pixelsOf(screenshot, EIDAS_BLUE)).as("eIDAS blue pixels").isGreaterThan(8000);
        chromium.publish("sample-access-page.png");
    }
}
