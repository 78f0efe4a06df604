package io.github.cieservlet;

import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;

/**
 * The citizen as a {@link Principal}: what {@code request.getUserPrincipal()} returns behind the
 * {@code CieAuthenticationFilter}. Its name is the fiscal code (without {@code TINIT-}), the same as
 * {@code getRemoteUser()}.
 */
public final class CiePrincipal implements Principal, Serializable {

    private static final long serialVersionUID = 1L;

    private final CieIdentity identity;

    /** @param identity the authenticated citizen */
    public CiePrincipal(CieIdentity identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** @return the fiscal code, or the spidCode of a citizen without one ({@link CieIdentity#getUserId()}) */
    @Override
    public String getName() {
        return identity.getUserId();
    }

    /** @return the whole identity */
    public CieIdentity getIdentity() {
        return identity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CiePrincipal && ((CiePrincipal) other).getName().equals(getName());
    }

    @Override
    public int hashCode() {
        return getName().hashCode();
    }

    @Override
    public String toString() {
        return identity.toString();
    }
}
