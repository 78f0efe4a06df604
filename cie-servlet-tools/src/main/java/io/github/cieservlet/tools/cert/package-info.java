/**
 * The SP key and its certificate: generation ({@code keygen}) and checking ({@code check-cert}) against the
 * SPID/CIE compliant certificate profile (Avviso SPID 29 v3), which CIE accepts and SPID requires.
 */
package io.github.cieservlet.tools.cert;
