/**
 * SPID on top of the SAML package: the AgID registry of SPID identity providers (with its bundled offline
 * snapshot and last good copy on disk) and the reading of SPID IdP metadata aggregates.
 */
package io.github.cieservlet.saml.spid;
