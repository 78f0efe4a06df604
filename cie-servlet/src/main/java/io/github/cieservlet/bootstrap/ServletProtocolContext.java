package io.github.cieservlet.bootstrap;

import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.ConfigProblem;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.spi.ProtocolContext;
import io.github.cieservlet.store.ReplayCache;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link ProtocolContext} of a started web application: its {@code cie.*} params, settings and services. */
final class ServletProtocolContext implements ProtocolContext {

    private final ParamSource params;
    private final CieSettings settings;
    private final ReplayCache replayCache;
    private final Clock clock;
    private final ServletContext servletContext;

    ServletProtocolContext(ParamSource params, CieSettings settings, ReplayCache replayCache, Clock clock,
            ServletContext servletContext) {
        this.params = params;
        this.settings = settings;
        this.replayCache = replayCache;
        this.clock = clock;
        this.servletContext = servletContext;
    }

    @Override
    public Optional<String> param(String key) {
        Optional<CieParam> param = CieParam.byKey(key);
        if (param.isEmpty()) {
            return Optional.empty();
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<String> value = params.value(param.get(), problems);
        if (!problems.isEmpty()) {
            throw new CieConfigException(problems);
        }
        return value;
    }

    @Override
    public String publicBaseUrl() {
        return settings.endpoints().publicBaseUrl();
    }

    @Override
    public String pathPrefix() {
        return settings.endpoints().path("");
    }

    @Override
    public String environment() {
        return settings.environment().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public SpCredentials credentials() {
        return settings.credentials();
    }

    @Override
    public ReplayCache replayCache() {
        return replayCache;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(servletContext.getAttribute(name));
    }

    @Override
    public ClassLoader classLoader() {
        return servletContext.getClassLoader();
    }
}
