/**
 * JSP tags for "Entra con CIE", declared in {@code META-INF/cie.tld} under the URI
 * {@code https://cieservlet.github.io/tags}:
 *
 * <pre>{@code
 * <%@ taglib prefix="cie" uri="https://cieservlet.github.io/tags" %>
 * <cie:notAuthenticated><cie:button size="l"/></cie:notAuthenticated>
 * <cie:authenticated>Benvenuto <cie:identity property="name"/> (<a href="<cie:logoutUrl/>">esci</a>)</cie:authenticated>
 * }</pre>
 *
 * <p>Every tag writes HTML-escaped text only. The CIE and eIDAS buttons are plain links drawn with inline SVG and
 * one {@code <style>} block per request; the SPID button adds its list of identity providers and one small
 * script per request (both carrying the page's CSP nonce). No script, font or style sheet is fetched from
 * anywhere.
 */
package io.github.cieservlet.taglib;
