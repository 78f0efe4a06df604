package io.github.cieservlet.sample.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9's container-dependent attacks on the sample in embedded Jetty 12 (the same checks run on real Tomcat in
 * the container tests): path variants that reach the protected area through the endpoints' prefix, headers of
 * protected pages, and non-ASCII login targets.
 */
@ExtendWith(PortalServer.class)
class AttackIT {

    @Test
    void pathVariantsThroughTheEndpointsPrefixEndAtTheLoginOnJetty() throws Exception {
        System.out.print(AttackChecks.pathVariantsEndAtTheLogin(PortalServer.baseUrl()));
    }

    @Test
    void protectedPagesAreNotCachedNorFramedAndTheSessionCookieIsLaxOnJetty() throws Exception {
        AttackChecks.protectedPagesAreNotCachedNorFramedAndTheSessionCookieIsLax(PortalServer.baseUrl());
    }

    @Test
    void nonAsciiTargetsArePercentEncodedInLocationOnJetty() throws Exception {
        AttackChecks.nonAsciiTargetsArePercentEncodedInLocation(PortalServer.baseUrl());
    }
}
