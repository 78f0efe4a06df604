package io.github.cieservlet.sample.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sample WAR turned into an existing classic portal that adopts CIE by web.xml alone: web.xml
 * {@code metadata-complete="true"} (web fragments ignored) with both library listeners declared as well; no CIE
 * {@code <filter>} but {@code cie.protect=/area-riservata/*}; and container security as Tomcat's {@code examples}
 * has it: {@code /operatori/*} for roles cittadino and operatore, {@code /admin/*} for role admin, FORM login with
 * the portal's own username/password page, which gains a bare {@code <cie:button/>}. With
 * {@code cie.containerSecurity=true} the CIE login is the container's login; the sample's DemoRoles makes Mario
 * Rossi an admin.
 */
final class DropInPortal {

    /** A user of the container's realm, for the password form. */
    static final String OPERATOR = "operatore1";
    static final String OPERATOR_PASSWORD = "segreto-di-prova";

    /** conf/tomcat-users.xml with the operator. */
    static final String TOMCAT_USERS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<tomcat-users xmlns=\"http://tomcat.apache.org/xml\" version=\"1.0\">\n"
            + "  <role rolename=\"operatore\"/>\n"
            + "  <user username=\"" + OPERATOR + "\" password=\"" + OPERATOR_PASSWORD + "\" roles=\"operatore\"/>\n"
            + "</tomcat-users>\n";

    private static final String WHO = "<%@ page contentType=\"text/html;charset=UTF-8\" %><!DOCTYPE html>\n"
            + "<html><body>\n"
            + "<p id=\"user\"><%= request.getUserPrincipal() == null ? \"\" : request.getUserPrincipal().getName() %></p>\n"
            + "<p id=\"remoteUser\"><%= request.getRemoteUser() %></p>\n"
            + "<p id=\"cittadino\"><%= request.isUserInRole(\"cittadino\") %></p>\n"
            + "<p id=\"operatore\"><%= request.isUserInRole(\"operatore\") %></p>\n"
            + "<p id=\"admin\"><%= request.isUserInRole(\"admin\") %></p>\n"
            + "</body></html>\n";

    private static final String LOGIN = "<%@ page contentType=\"text/html;charset=UTF-8\" %>"
            + "<%@ taglib prefix=\"cie\" uri=\"https://cieservlet.github.io/tags\" %><!DOCTYPE html>\n"
            + "<html><body><h1>Accesso operatori</h1>\n"
            + "<form id=\"password\" method=\"post\" action=\"j_security_check\">\n"
            + "<input name=\"j_username\"><input type=\"password\" name=\"j_password\">"
            + "<button type=\"submit\">Entra</button></form>\n"
            + "<p id=\"cie\"><cie:button/></p>\n"
            + "</body></html>\n";

    private static final String LOGIN_ERROR = "<%@ page contentType=\"text/html;charset=UTF-8\" %><!DOCTYPE html>\n"
            + "<html><body><p id=\"error\">Nome utente o password errati</p></body></html>\n";

    private static final String SECURITY = ""
            + "  <security-constraint>\n"
            + "    <web-resource-collection><web-resource-name>operatori</web-resource-name>"
            + "<url-pattern>/operatori/*</url-pattern></web-resource-collection>\n"
            + "    <auth-constraint><role-name>cittadino</role-name><role-name>operatore</role-name></auth-constraint>\n"
            + "  </security-constraint>\n"
            + "  <security-constraint>\n"
            + "    <web-resource-collection><web-resource-name>admin</web-resource-name>"
            + "<url-pattern>/admin/*</url-pattern></web-resource-collection>\n"
            + "    <auth-constraint><role-name>admin</role-name></auth-constraint>\n"
            + "  </security-constraint>\n"
            + "  <login-config>\n"
            + "    <auth-method>FORM</auth-method>\n"
            + "    <form-login-config><form-login-page>/login.jsp</form-login-page>"
            + "<form-error-page>/login-error.jsp</form-error-page></form-login-config>\n"
            + "  </login-config>\n"
            + "  <security-role><role-name>cittadino</role-name></security-role>\n"
            + "  <security-role><role-name>operatore</role-name></security-role>\n"
            + "  <security-role><role-name>admin</role-name></security-role>\n"
            + "  <welcome-file-list>";

    private DropInPortal() {
    }

    /**
     * @param sampleWar the sample WAR (jakarta or javax)
     * @param copy where to write the portal
     * @return {@code copy}
     */
    static Path of(Path sampleWar, Path copy) throws IOException {
        return WarVariant.of(sampleWar, copy, xml -> WarVariant.cut(xml, "<filter>", "</filter-mapping>")
                .replace("version=\"6.0\">", "version=\"6.0\" metadata-complete=\"true\">")
                .replace("  <servlet>", "  <context-param><param-name>cie.protect</param-name>"
                        + "<param-value>/area-riservata/*</param-value></context-param>\n"
                        + "  <context-param><param-name>cie.containerSecurity</param-name>"
                        + "<param-value>true</param-value></context-param>\n"
                        + "  <listener><listener-class>io.github.cieservlet.bootstrap.CieContextListener</listener-class></listener>\n"
                        + "  <listener><listener-class>io.github.cieservlet.testidp.TestIdpListener</listener-class></listener>\n"
                        + "  <servlet>")
                .replace("  <welcome-file-list>", SECURITY),
                Map.of("/login.jsp", LOGIN, "/login-error.jsp", LOGIN_ERROR, "/operatori/index.jsp", WHO,
                        "/admin/index.jsp", WHO));
    }
}
