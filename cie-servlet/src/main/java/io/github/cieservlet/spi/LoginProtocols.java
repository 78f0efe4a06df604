package io.github.cieservlet.spi;

import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the {@link LoginProtocolProvider} that {@code cie.protocol} names, with {@link ServiceLoader}. */
public final class LoginProtocols {

    /** The param that picks the protocol. */
    public static final String PARAM = "cie.protocol";

    /** The built-in protocol, used when {@value #PARAM} is not set. */
    public static final String SAML = "saml";

    private LoginProtocols() {
    }

    /**
     * @param name the {@code cie.protocol} value
     * @param classLoader where to look for providers
     * @return the provider, or empty for {@value #SAML} (built into the library)
     * @throws CieConfigException when no provider on the class path has that name
     */
    public static Optional<LoginProtocolProvider> find(String name, ClassLoader classLoader) {
        if (name == null || SAML.equals(name.trim())) {
            return Optional.empty();
        }
        List<String> available = new ArrayList<>();
        for (LoginProtocolProvider provider : ServiceLoader.load(LoginProtocolProvider.class, classLoader)) {
            if (provider.name().equals(name.trim())) {
                return Optional.of(provider);
            }
            available.add(provider.name());
        }
        throw new CieConfigException(List.of(new ConfigProblem(PARAM, "is '" + name + "', but no such protocol is on"
                + " the class path (found: " + SAML + (available.isEmpty() ? "" : ", " + String.join(", ", available))
                + "); for oidc add the io.github.cieservlet:cie-oidc jar to the application")));
    }
}
