/**
 * {@code cie-servlet-tools}: the onboarding command line. {@link io.github.cieservlet.tools.Main} dispatches
 * to one {@link io.github.cieservlet.tools.Command} per sub-command; commands print only through
 * {@link io.github.cieservlet.tools.Output} and read secrets only through {@link io.github.cieservlet.tools.Env}.
 */
package io.github.cieservlet.tools;
