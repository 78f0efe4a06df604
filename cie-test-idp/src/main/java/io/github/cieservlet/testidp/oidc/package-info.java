/**
 * The local CIE OpenID Connect federation of the test IdP: a trust anchor (entity configuration, {@code fetch}
 * endpoint with subordinate statements and a metadata policy) and an OpenID Provider (entity configuration,
 * authorization with the same citizen and outcome chooser as SAML, token and UserInfo endpoints answering with
 * signed-then-encrypted JWTs as CIE does). Servlet-free ({@link io.github.cieservlet.testidp.oidc.OidcTestFederation});
 * the servlet is {@code io.github.cieservlet.testidp.web.OidcServlet}. Never for production.
 */
package io.github.cieservlet.testidp.oidc;
