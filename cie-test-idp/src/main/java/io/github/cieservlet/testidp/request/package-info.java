/**
 * Checking an incoming AuthnRequest the way the CIE identity provider does, against the service provider's
 * metadata: binding, signature, Issuer, then each element, each failure mapped to its CIE error code.
 * No servlet types here.
 */
package io.github.cieservlet.testidp.request;
