/**
 * Test fixtures: a service provider with its key, its CIE and SPID metadata and well-formed AuthnRequests, and the
 * test IdPs running in Jetty next to it.
 */
package io.github.cieservlet.testidp.testing;
