/**
 * Server-side state of logins in progress: pending AuthnRequests keyed by an opaque RelayState token, and the
 * replay cache of Responses and Assertions already used.
 */
package io.github.cieservlet.store;
