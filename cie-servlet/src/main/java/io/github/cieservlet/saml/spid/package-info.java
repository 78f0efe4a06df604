/**
 * SPID, and eIDAS through the Italian eIDAS node FICEP (a SPID identity provider), beside CIE in the same filter,
 * login and Assertion Consumer Service: the list of SPID identity providers, the SPID AuthnRequest, the SPID
 * Response profile (what differs from CIE's checks) and the routing of a login to its scheme and identity
 * provider.
 */
package io.github.cieservlet.saml.spid;
