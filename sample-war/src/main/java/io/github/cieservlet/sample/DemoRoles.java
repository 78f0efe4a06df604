package io.github.cieservlet.sample;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.jaspic.CieRoleSource;
import java.util.Set;

/**
 * The demo's extra roles with {@code cie.containerSecurity=true}: the test citizen Mario Rossi is also an
 * {@code admin}. A real portal reads them from its own data, or sets {@code cie.rolesDataSource} and
 * {@code cie.rolesQuery} instead.
 */
public final class DemoRoles implements CieRoleSource {

    @Override
    public Set<String> rolesOf(CieIdentity citizen) {
        return "RSSMRA80A01H501U".equals(citizen.getFiscalCode()) ? Set.of("admin") : Set.of();
    }
}
