/**
 * The servlet adapters: the protecting filter, the login, Assertion Consumer Service, metadata and logout
 * endpoints, the request wrapper that exposes the citizen, and the bilingual error pages. Each class is thin;
 * the SAML work happens in {@code io.github.cieservlet.saml}.
 */
package io.github.cieservlet.web;
