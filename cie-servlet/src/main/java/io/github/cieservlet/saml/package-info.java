/**
 * SAML on OpenSAML 4: the hardened XML parser, signing, the AuthnRequest, SP metadata, IdP metadata and the
 * logout messages. No servlet types here.
 */
package io.github.cieservlet.saml;
