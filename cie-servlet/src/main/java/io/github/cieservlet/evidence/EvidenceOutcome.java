package io.github.cieservlet.evidence;

/** What the service provider did with a Response. */
public enum EvidenceOutcome {
    /** The Response passed every check and the citizen was logged in. */
    ACCEPTED,
    /** The Response was refused (the record carries the error code). */
    REFUSED
}
