/**
 * Public API of cie-servlet: the authenticated citizen ({@link io.github.cieservlet.CieIdentity}), the
 * assurance levels ({@link io.github.cieservlet.CieLevel}) and the hook through which an application keeps
 * the evidence of every login ({@link io.github.cieservlet.CieAuthenticationListener}).
 *
 * <p>Everything else (configuration, SAML, validation, servlet adapters) lives in sub-packages and is wired
 * by {@code io.github.cieservlet.bootstrap.CieContextListener}, which the jar registers through its
 * {@code META-INF/web-fragment.xml}.
 */
package io.github.cieservlet;
