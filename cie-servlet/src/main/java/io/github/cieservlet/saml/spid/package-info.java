/**
 * SPID, and eIDAS through the Italian eIDAS node FICEP (a SPID identity provider), beside CIE in the same filter,
 * login and Assertion Consumer Service: the AgID registry of SPID identity providers (with its bundled offline
 * snapshot and last good copy on disk), the reading of SPID IdP metadata aggregates, the SPID service provider
 * metadata, the SPID AuthnRequest, the SPID Response profile (what differs from CIE's checks) and the routing of
 * a login to its scheme and identity provider.
 */
package io.github.cieservlet.saml.spid;
