package io.github.cieservlet.spi;

import io.github.cieservlet.config.CieConfigException;

/**
 * Makes a {@link LoginProtocol} from the configuration, once at startup. Found with {@link java.util.ServiceLoader};
 * needs a public no-argument constructor.
 */
public interface LoginProtocolProvider {

    /** @return the {@code cie.protocol} value that selects this protocol, e.g. {@code oidc} */
    String name();

    /**
     * @param context the configuration and the library's services
     * @return the protocol, ready to use
     * @throws CieConfigException naming every {@code cie.*} param to fix
     */
    LoginProtocol create(ProtocolContext context);
}
