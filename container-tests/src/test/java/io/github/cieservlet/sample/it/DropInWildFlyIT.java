package io.github.cieservlet.sample.it;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link DropInPortal} on WildFly, whose Elytron runs Jakarta Authentication modules for applications mapped to
 * an Elytron {@code application-security-domain}; CIE citizens are not users of its realm, so the mapping of
 * {@code other} gets {@code integrated-jaspi="false"} (the one server-side switch, see
 * docs/container-security.md). The portal's password user is in {@code application-users.properties}: a wrong
 * password is refused as on Tomcat, but in this non-integrated mode Elytron validates the password without
 * handing the realm's roles to the module, so a password user has no roles here (documented; the Tomcat suites
 * test that case, see {@link DropInTomcatFlow}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DropInWildFlyIT extends DropInFlow {

    private static final String UNDERTOW_DOMAIN = "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\"/>";

    @Override
    ServerProcess startServer() throws Exception {
        Path root = DropInPortal.of(ServerProcess.warsDir().resolve("sample-war.war"),
                ServerProcess.workDir().resolve("drop-in-wars-wildfly/ROOT.war"));
        String hash = new BigInteger(1, MessageDigest.getInstance("MD5").digest((DropInPortal.OPERATOR + ":ApplicationRealm:"
                + DropInPortal.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8))).toString(16);
        hash = "0".repeat(32 - hash.length()) + hash;
        return ServerProcess.wildfly(ServerProcess.version("wildfly.version"), root, xml -> {
            int undertow = xml.indexOf("urn:jboss:domain:undertow");
            int at = xml.indexOf(UNDERTOW_DOMAIN, undertow);
            if (undertow < 0 || at < 0) {
                throw new IllegalStateException("standalone.xml: no undertow " + UNDERTOW_DOMAIN);
            }
            return xml.substring(0, at) + UNDERTOW_DOMAIN.replace("/>", " integrated-jaspi=\"false\"/>")
                    + xml.substring(at + UNDERTOW_DOMAIN.length());
        }, Map.of("application-users.properties", DropInPortal.OPERATOR + "=" + hash + "\n",
                "application-roles.properties", DropInPortal.OPERATOR + "=operatore\n"));
    }
}
