package io.github.cieservlet.spi;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.store.ReplayCache;
import java.time.Clock;
import java.util.Optional;

/** What a {@link LoginProtocolProvider} may use: the raw {@code cie.*} values and the library's services. */
public interface ProtocolContext {

    /**
     * @param key a {@code cie.*} param name
     * @return its value from the strongest layer (system property, environment, web.xml), or empty
     */
    Optional<String> param(String key);

    /** @return the application's public base URL, without trailing slash */
    String publicBaseUrl();

    /** @return the library's path prefix, e.g. {@code /cie} */
    String pathPrefix();

    /** @return the configured environment name ({@code production}, {@code preproduction}, {@code local}) */
    String environment();

    /** @return the service provider's key and certificate */
    SpCredentials credentials();

    /** @return where used one-time values are remembered */
    ReplayCache replayCache();

    /** @return the clock */
    Clock clock();

    /**
     * @param name a servlet context attribute
     * @return its value, or empty
     */
    Optional<Object> attribute(String name);

    /** @return the class loader of the web application, for {@code classpath:} resources */
    ClassLoader classLoader();
}
