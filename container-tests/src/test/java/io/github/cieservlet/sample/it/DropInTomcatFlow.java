package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link DropInFlow} on Tomcat, whose realm (conf/tomcat-users.xml) also checks the portal's own
 * username/password form and hands the user's roles to the module, so the form keeps working as before.
 */
abstract class DropInTomcatFlow extends DropInFlow {

    @Test
    @Order(5)
    void thePortalsOwnUsernameAndPasswordFormStillWorksWithTheRealmsRoles() throws Exception {
        try (CieBrowser browser = browser()) {
            HtmlPage operators = submitPassword((HtmlPage) browser.get("/operatori/"), DropInPortal.OPERATOR_PASSWORD);
            assertThat(operators.getUrl().getPath()).isEqualTo("/operatori/");
            assertThat(text(operators, "user")).isEqualTo(DropInPortal.OPERATOR);
            assertThat(text(operators, "operatore")).isEqualTo("true");
            assertThat(text(operators, "cittadino")).isEqualTo("false");
            assertThat(browser.get("/admin/").getWebResponse().getStatusCode()).isEqualTo(403);
        }
    }
}
