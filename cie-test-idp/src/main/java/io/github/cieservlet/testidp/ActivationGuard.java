package io.github.cieservlet.testidp;

import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.ConfigProblem;
import io.github.cieservlet.config.Environment;
import io.github.cieservlet.config.LoopbackAddress;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.config.SpEndpoints;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether the test IdP may run. It lets anyone log in as any invented citizen, so it runs only when
 * {@code cie.environment} is {@code local} and {@code cie.publicBaseUrl} names this machine (localhost,
 * 127.x.x.x or [::1], read as text: no DNS, no hosts file, see {@link LoopbackAddress}); the parameters are read
 * exactly as the service provider reads them. Each request is then checked by
 * {@link io.github.cieservlet.testidp.web.LoopbackOnlyFilter}: the URL alone says nothing about who connects.
 */
public final class ActivationGuard {

    private ActivationGuard() {
    }

    /**
     * The outcome of the guard.
     *
     * @param active whether the test IdP may run
     * @param publicBaseUrl the application's public base URL without trailing slash, when active
     * @param spMetadataUrl where the service provider publishes its metadata, when active
     * @param reason why it is inactive, or a summary when active
     */
    public record Decision(boolean active, String publicBaseUrl, String spMetadataUrl, String reason) {
        /** Checks that an active decision has its URLs. */
        public Decision {
            Objects.requireNonNull(reason, "reason");
            if (active && (publicBaseUrl == null || spMetadataUrl == null)) {
                throw new IllegalArgumentException("an active decision needs its URLs");
            }
        }

        /**
         * @return where the service provider publishes its SPID metadata (SPID and FICEP), when active:
         *     {@code <spMetadataUrl>/spid}
         */
        public String spidSpMetadataUrl() {
            if (!active) {
                throw new IllegalStateException("an inactive decision has no URLs");
            }
            return spMetadataUrl + "/spid";
        }

        static Decision inactive(String reason) {
            return new Decision(false, null, null, reason);
        }
    }

    /**
     * @param params the {@code cie.*} parameters (web.xml, overridden by environment and system properties)
     * @return whether the test IdP may run, and with which URLs
     */
    public static Decision decide(ParamSource params) {
        List<ConfigProblem> problems = new ArrayList<>();
        String environment = params.value(CieParam.ENVIRONMENT, problems).orElse("");
        if (!Environment.LOCAL.name().equalsIgnoreCase(environment)) {
            return Decision.inactive("cie.environment is '" + environment + "', not local");
        }
        String base = params.value(CieParam.PUBLIC_BASE_URL, problems).orElse("");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String prefix = params.value(CieParam.PATH_PREFIX, problems)
                .orElseGet(() -> CieParam.PATH_PREFIX.defaultValue().orElseThrow());
        if (!problems.isEmpty()) {
            return Decision.inactive("the configuration has problems: " + problems);
        }
        String host = loopbackHost(base);
        if (host == null) {
            return Decision.inactive("cie.publicBaseUrl '" + base + "' is not an http(s) URL on localhost, 127.x.x.x"
                    + " or [::1]");
        }
        String spMetadataUrl = new SpEndpoints(base, prefix).url(SpEndpoints.METADATA);
        return new Decision(true, base, spMetadataUrl, "cie.environment is local and " + host + " is a loopback host");
    }

    /** @return the URL's host when it is an http(s) URL on a loopback host, else null */
    private static String loopbackHost(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!("http".equals(scheme) || "https".equals(scheme)) || host == null) {
            return null;
        }
        return isLoopback(host) ? host : null;
    }

    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || LoopbackAddress.isLoopback(host);
    }
}
