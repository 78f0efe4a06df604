/**
 * The test people (CIE citizens, SPID people, eIDAS people), the outcomes a developer can choose, and the signed
 * Responses the test IdPs send back: a signed Response carrying a signed Assertion on success, or a signed Response
 * with an error status and no Assertion; and the SPID LogoutResponse.
 */
package io.github.cieservlet.testidp.response;
