/**
 * State of logins in progress, kept so that the server holds nothing per unanswered login: the pending
 * AuthnRequest sealed into a cookie the browser carries ({@link io.github.cieservlet.store.PendingRequestCodec}),
 * opaque RelayState tokens, and the once-only record ({@link io.github.cieservlet.store.ReplayCache}) of
 * answered requests and of the Responses and Assertions already used.
 */
package io.github.cieservlet.store;
