/**
 * SP metadata: producing it from the web application's {@code cie.*} settings ({@code metadata}) and checking
 * any metadata against the CIE rules, the SAML schema and its signature ({@code check-metadata}).
 */
package io.github.cieservlet.tools.metadata;
