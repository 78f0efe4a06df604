/**
 * Checking an incoming AuthnRequest the way the CIE identity provider does, or a SPID one (for the SPID and FICEP
 * test IdPs), against the service provider's CIE or SPID metadata: binding, signature, Issuer, then each element,
 * each failure mapped to its error code; and the LogoutRequests of the SPID SingleLogoutService. No servlet types
 * here.
 */
package io.github.cieservlet.testidp.request;
