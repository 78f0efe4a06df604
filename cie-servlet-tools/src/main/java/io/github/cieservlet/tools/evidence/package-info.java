/**
 * {@code verify-evidence} and {@code export-evidence}: check the hash chain of a login evidence store (a
 * directory, or a database over JDBC) and export the records of a citizen or a period for an auditor.
 */
package io.github.cieservlet.tools.evidence;
