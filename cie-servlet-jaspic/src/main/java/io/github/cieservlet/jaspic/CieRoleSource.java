package io.github.cieservlet.jaspic;

import io.github.cieservlet.CieIdentity;
import java.util.Set;

/**
 * Where a citizen's application roles come from, besides {@code cie.baseRole}: the application's own data.
 * Implement it and name the class in {@code META-INF/services/io.github.cieservlet.jaspic.CieRoleSource} of the
 * application; or set {@code cie.rolesDataSource} and {@code cie.rolesQuery} and let {@link SqlRoleSource} read
 * them. Asked once per login; the roles then stay with the session.
 */
public interface CieRoleSource {

    /**
     * @param citizen the citizen who just logged in with CIE
     * @return the citizen's extra roles; empty when none
     * @throws Exception when the roles cannot be read: the citizen then gets only the base role, and a WARN is logged
     */
    Set<String> rolesOf(CieIdentity citizen) throws Exception;
}
