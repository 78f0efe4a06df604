/**
 * Startup: {@link io.github.cieservlet.bootstrap.CieContextListener} (registered by the jar's
 * {@code META-INF/web-fragment.xml}) reads the configuration, builds the one
 * {@link io.github.cieservlet.bootstrap.CieServiceProvider} that the filter and servlets share, registers the
 * endpoints, and stops the deployment with a clear message when anything is wrong.
 */
package io.github.cieservlet.bootstrap;
