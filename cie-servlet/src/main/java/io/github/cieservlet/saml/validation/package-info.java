/**
 * Validation of the SAML Response the CIE identity provider posts to the Assertion Consumer Service.
 *
 * <p>{@link io.github.cieservlet.saml.validation.ResponseValidator} is the entry point: it runs one small
 * check per rule of the CIE/SPID Response profile, in a fixed and documented order (signatures first, then
 * only signed data), and returns a {@link io.github.cieservlet.saml.validation.ValidatedResponse} holding
 * the citizen's {@link io.github.cieservlet.CieIdentity}, or throws a
 * {@link io.github.cieservlet.CieAuthenticationException} naming the first rule that failed.
 *
 * <p>Every refusal detail says which field was wrong and, where it helps, what was expected and what was
 * received; it never contains the citizen's personal data (name, fiscal code, date of birth).
 */
package io.github.cieservlet.saml.validation;
