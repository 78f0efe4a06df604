package io.github.cieservlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a web.xml declares about security, as the library reads it. */
class DeclaredSecurityTest {

    private static final String WEB_XML = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\">"
            + "<security-constraint><web-resource-collection><url-pattern>/admin/*</url-pattern>"
            + "<url-pattern>*.do</url-pattern></web-resource-collection>"
            + "<auth-constraint><role-name>admin</role-name></auth-constraint></security-constraint>"
            + "<security-constraint><web-resource-collection><url-pattern>/public/*</url-pattern>"
            + "</web-resource-collection><user-data-constraint><transport-guarantee>CONFIDENTIAL"
            + "</transport-guarantee></user-data-constraint></security-constraint>"
            + "<login-config><auth-method>FORM</auth-method><form-login-config><form-login-page>/login.jsp"
            + "</form-login-page><form-error-page>/error.jsp</form-error-page></form-login-config></login-config>"
            + "</web-app>";

    /** Only a constraint with an auth-constraint protects; a transport guarantee alone does not. */
    @Test
    void protectedUrlPatternsAreThoseOfConstraintsWithAnAuthConstraint() throws Exception {
        DeclaredSecurity declared = DeclaredSecurity.parse(WEB_XML.getBytes(StandardCharsets.UTF_8));

        assertThat(declared.protectedUrlPatterns()).containsExactly("/admin/*", "*.do");
        assertThat(declared.protectedPatterns()).containsExactly("/admin/* (security-constraint, roles admin)",
                "*.do (security-constraint, roles admin)");
        assertThat(declared.formLoginPage()).contains("/login.jsp");
        assertThat(declared.formErrorPage()).contains("/error.jsp");
    }
}
