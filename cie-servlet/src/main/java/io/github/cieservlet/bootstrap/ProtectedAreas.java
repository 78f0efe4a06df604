package io.github.cieservlet.bootstrap;

import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.ConfigProblem;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.web.CieAuthenticationFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What cie-servlet protects in a web application, decided once at startup so that a private area can never be
 * open by mistake: registers {@link CieAuthenticationFilter} for the URL patterns of {@code cie.protect} (no
 * {@code <filter-mapping>} needed), then lists every pattern that filter covers, however it was mapped, and
 * logs them in one INFO line (with {@code cie.containerSecurity=true}, web.xml's security constraints too).
 * When nothing is protected startup fails, unless {@code cie.protect=none} says the
 * application checks the citizen itself (then one WARN line).
 */
final class ProtectedAreas {

    /** The {@code cie.protect} value that turns the check off. */
    static final String NONE = "none";

    /** Name of the filter registered for {@code cie.protect}. */
    static final String FILTER_NAME = "cie-protect";

    private static final Log LOG = Log.of(ProtectedAreas.class);
    private static final String SERVLET = "servlet ";
    private static final Pattern URL_PATTERN = Pattern.compile("/|/\\*|(/[^/*\\s]+)+(/\\*)?|\\*\\.[^/*\\s]+");

    private ProtectedAreas() {
    }

    /**
     * Reads {@code cie.protect}: empty when not set, {@code [none]} for none, else the URL patterns.
     *
     * @param value the raw value, if set
     * @return the patterns
     * @throws CieConfigException naming {@code cie.protect} when a pattern is not a servlet URL pattern
     */
    static List<String> parse(Optional<String> value) {
        List<String> patterns = new ArrayList<>();
        if (value.isEmpty()) {
            return patterns;
        }
        for (String part : value.get().split(",")) {
            String pattern = part.trim();
            if (!pattern.isEmpty()) {
                patterns.add(pattern);
            }
        }
        if (patterns.contains(NONE)) {
            if (patterns.size() > 1) {
                throw problem("none cannot be combined with URL patterns; remove none, or the patterns");
            }
            return patterns;
        }
        for (String pattern : patterns) {
            if (!URL_PATTERN.matcher(pattern).matches()) {
                throw problem("'" + pattern + "' is not a servlet URL pattern; write /area-riservata/* (a folder),"
                        + " /page.jsp (one page) or *.do (an extension), separated by commas");
            }
        }
        return patterns;
    }

    /**
     * Registers the {@code cie.protect} filter, then checks that something is protected and logs what.
     *
     * @param context the starting application; must allow filter registration
     * @param protect the parsed {@code cie.protect}
     * @param containerSecurity whether {@code cie.containerSecurity=true}: web.xml's security constraints count
     * @return every protected URL pattern, as written (servlet-name mappings as their servlets' patterns)
     * @throws CieConfigException naming {@code cie.protect} when nothing is protected and it is not {@code none}
     */
    static List<String> apply(ServletContext context, List<String> protect, boolean containerSecurity) {
        boolean none = protect.equals(List.of(NONE));
        if (!protect.isEmpty() && !none) {
            FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, CieAuthenticationFilter.class);
            if (registration == null) {
                throw problem("a filter named " + FILTER_NAME + " is already declared in web.xml; rename it, or map"
                        + " CieAuthenticationFilter yourself and remove cie.protect");
            }
            registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false,
                    protect.toArray(new String[0]));
        }
        DeclaredSecurity declared = DeclaredSecurity.of(context);
        List<String> described = new ArrayList<>();
        List<String> urlPatterns = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (FilterRegistration filter : context.getFilterRegistrations().values()) {
            if (!CieAuthenticationFilter.class.getName().equals(filter.getClassName())) {
                continue;
            }
            Set<String> targets = new LinkedHashSet<>(orEmpty(filter.getUrlPatternMappings()));
            orEmpty(filter.getServletNameMappings()).forEach(servlet -> targets.add(SERVLET + servlet));
            targets.addAll(declared.filterMappings(filter.getName()));
            targets.forEach(target -> described.add(target + " (filter " + filter.getName() + ")"));
            targets.forEach(target -> urlPatterns.addAll(urlPatternsOf(context, target)));
            if (targets.isEmpty()) {
                unmapped.add(filter.getName());
            }
        }
        if (containerSecurity) {
            described.addAll(declared.protectedPatterns());
            urlPatterns.addAll(declared.protectedUrlPatterns());
        }
        for (String name : unmapped) {
            LOG.warn("cie-servlet: filter {} (CieAuthenticationFilter) has no <filter-mapping>: it protects nothing",
                    name);
        }
        if (described.isEmpty() && !none) {
            throw problem("nothing is protected: no <filter-mapping> maps " + CieAuthenticationFilter.class.getName()
                    + (unmapped.isEmpty() ? "" : " (filter " + String.join(", ", unmapped) + " is declared without one)")
                    + " and cie.protect is not set" + (containerSecurity ? ", and no <security-constraint> of web.xml has an"
                    + " <auth-constraint> (cie.containerSecurity=true)" : "")
                    + ", so the private pages would be open to anyone. Set cie.protect"
                    + " to the URL patterns of the private area, e.g. /area-riservata/*, or add a <filter-mapping>;"
                    + " only if every private page checks the citizen itself (CieIdentity.from), set cie.protect=none");
        }
        if (described.isEmpty()) {
            LOG.warn("cie-servlet protects NO URL (cie.protect=none): every page must check the citizen itself");
        } else {
            LOG.info("cie-servlet protects {}", String.join(", ", described));
        }
        return List.copyOf(urlPatterns);
    }

    private static Collection<String> urlPatternsOf(ServletContext context, String target) {
        if (!target.startsWith(SERVLET)) {
            return List.of(target);
        }
        ServletRegistration servlet = context.getServletRegistration(target.substring(SERVLET.length()));
        return servlet == null ? List.of() : orEmpty(servlet.getMappings());
    }

    private static Collection<String> orEmpty(Collection<String> values) {
        return values == null ? List.of() : values;
    }

    private static CieConfigException problem(String message) {
        return new CieConfigException(List.of(new ConfigProblem(CieParam.PROTECT.key(), message)));
    }
}
