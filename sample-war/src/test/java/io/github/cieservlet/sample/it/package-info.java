/**
 * End-to-end tests: the built sample WAR, unchanged, in a real embedded Jetty 12 (ee10) with the bundled test
 * IdP, driven by HtmlUnit through whole logins and logouts. One server is started for the whole test run.
 */
package io.github.cieservlet.sample.it;
