/**
 * The test citizens and the signed Responses the test IdP sends back, shaped like the Ministry's: a signed
 * Response carrying a signed Assertion on success, or a signed Response with an error status and no Assertion.
 */
package io.github.cieservlet.testidp.response;
