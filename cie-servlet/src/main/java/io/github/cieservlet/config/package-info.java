/**
 * Configuration: every {@code cie.*} context-param, read once at startup into immutable, validated objects.
 *
 * <p>{@link io.github.cieservlet.config.CieParam} lists every parameter with its default and meaning;
 * {@link io.github.cieservlet.config.ParamSource} layers web.xml, environment variables and system properties
 * and resolves {@code ${env:NAME}} / {@code ${sys:name}} placeholders;
 * {@link io.github.cieservlet.config.CieSettingsReader} turns them into a {@link io.github.cieservlet.config.CieSettings}
 * or throws one {@link io.github.cieservlet.config.CieConfigException} that lists every problem. No servlet types here.
 */
package io.github.cieservlet.config;
