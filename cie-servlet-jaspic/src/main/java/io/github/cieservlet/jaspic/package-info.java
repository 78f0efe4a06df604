/**
 * Container-managed security with CIE (Jakarta Authentication, Servlet profile): with
 * {@code cie.containerSecurity=true}, {@link io.github.cieservlet.jaspic.CieJaspicInitializer} registers
 * {@link io.github.cieservlet.jaspic.CieServerAuthModule}, so {@code <security-constraint>}, roles,
 * {@code isUserInRole} and {@code getUserPrincipal} work with the CIE login; roles come from
 * {@code cie.baseRole}, {@link io.github.cieservlet.jaspic.CieRoleSource} implementations and
 * {@link io.github.cieservlet.jaspic.SqlRoleSource}.
 */
package io.github.cieservlet.jaspic;
