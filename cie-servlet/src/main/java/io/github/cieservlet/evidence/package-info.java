/**
 * Kept evidence of every login: the AuthnRequest sent and the Response received, with outcome and times, in a
 * tamper-evident store (each record carries the SHA-256 of the previous one) on JDBC or in files, committed
 * before a login completes, purged after the retention period with a checkpoint that keeps the chain
 * verifiable. The Assertion Consumer Service records through {@link io.github.cieservlet.evidence.EvidenceRecorder};
 * cie-servlet-tools verifies and exports the stores with {@link io.github.cieservlet.evidence.ChainVerifier} and
 * {@link io.github.cieservlet.evidence.EvidenceSource}.
 */
package io.github.cieservlet.evidence;
