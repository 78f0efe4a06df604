/** Test fixtures: a service provider with its key, metadata and well-formed AuthnRequests. */
package io.github.cieservlet.testidp.testing;
