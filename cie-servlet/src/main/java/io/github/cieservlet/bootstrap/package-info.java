/**
 * Startup: {@link io.github.cieservlet.bootstrap.CieInitializer} (named in the jar's
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}, so it runs also with a
 * {@code metadata-complete} web.xml) runs {@link io.github.cieservlet.bootstrap.CieContextListener}, which reads the
 * configuration, builds the one {@link io.github.cieservlet.bootstrap.CieServiceProvider} that the filter and
 * servlets share, registers the endpoints, checks that some URL is protected, and stops the deployment with a
 * clear message when anything is wrong.
 */
package io.github.cieservlet.bootstrap;
