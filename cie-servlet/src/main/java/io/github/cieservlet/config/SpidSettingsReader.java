package io.github.cieservlet.config;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code cie.schemes}, {@code cie.spid.*} and {@code cie.eidas.*} into {@link SpidSettings}, adding every
 * problem to the list of the {@link CieSettingsReader} that called it (one startup error lists them all).
 */
final class SpidSettingsReader {

    /** The FICEP production metadata ({@code cie.eidas.idpMetadata=production}). */
    static final String FICEP_PRODUCTION = "https://sp-proxy.eid.gov.it/spproxy/idpitmetadata";
    /** The FICEP QA metadata ({@code cie.eidas.idpMetadata=qa}). */
    static final String FICEP_QA = "https://sp-proxy.pre.eid.gov.it/spproxy/idpitmetadata";
    /** Path of the local FICEP test IdP's metadata under the application's public base URL. */
    static final String LOCAL_FICEP_METADATA_PATH = "/cie-test-idp/ficep/metadata";

    private final ParamSource source;
    private final List<ConfigProblem> problems;

    /**
     * @param source the raw values
     * @param problems where problems are added
     */
    SpidSettingsReader(ParamSource source, List<ConfigProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * @param environment the environment, or null when it is itself a problem
     * @param baseUrl the public base URL, or null when it is itself a problem
     * @return the settings; meaningless when a problem was added
     */
    SpidSettings read(Environment environment, String baseUrl) {
        Set<LoginScheme> schemes = schemes();
        boolean local = environment == Environment.LOCAL;
        SpidIdpSource spidIdps = spidIdps(local, baseUrl);
        CieLevel level = level();
        List<String> attributes = attributes();
        EidasAttributeSet set = attributeSet();
        ResourceLocation eidas = schemes.contains(LoginScheme.EIDAS) ? eidasMetadata(local, baseUrl) : null;
        if (schemes.contains(LoginScheme.EIDAS) && eidas == null) {
            return SpidSettings.CIE_ONLY;
        }
        return new SpidSettings(schemes, spidIdps, level, attributes, eidas, set);
    }

    private Set<LoginScheme> schemes() {
        Set<LoginScheme> schemes = EnumSet.noneOf(LoginScheme.class);
        for (String name : words(valueOrDefault(CieParam.SCHEMES))) {
            Optional<LoginScheme> scheme = LoginScheme.fromId(name);
            if (scheme.isEmpty()) {
                problem(CieParam.SCHEMES, "'" + name + "' is not a scheme; use cie, spid and/or eidas, e.g. cie spid eidas");
            } else {
                schemes.add(scheme.get());
            }
        }
        if (schemes.isEmpty()) {
            problem(CieParam.SCHEMES, "names no scheme; use cie, spid and/or eidas");
            return EnumSet.of(LoginScheme.CIE);
        }
        return schemes;
    }

    private SpidIdpSource spidIdps(boolean local, String baseUrl) {
        Optional<String> text = value(CieParam.SPID_IDP_METADATA);
        if (text.isEmpty() || "registry".equals(text.get())) {
            return text.isEmpty() && local && baseUrl != null ? SpidIdpSource.localTestIdp(baseUrl) : SpidIdpSource.registry();
        }
        List<ResourceLocation> locations = new ArrayList<>();
        for (String word : words(text.get())) {
            location(CieParam.SPID_IDP_METADATA, word, local).ifPresent(locations::add);
        }
        return locations.isEmpty() ? SpidIdpSource.registry() : SpidIdpSource.locations(locations);
    }

    private ResourceLocation eidasMetadata(boolean local, String baseUrl) {
        String text = value(CieParam.EIDAS_IDP_METADATA).orElse(local ? null : "production");
        if (text == null) {
            return baseUrl == null ? null : ResourceLocation.parse(baseUrl + LOCAL_FICEP_METADATA_PATH);
        }
        if ("production".equals(text)) {
            return ResourceLocation.parse(FICEP_PRODUCTION);
        }
        if ("qa".equals(text)) {
            return ResourceLocation.parse(FICEP_QA);
        }
        return location(CieParam.EIDAS_IDP_METADATA, text, local).orElse(null);
    }

    private Optional<ResourceLocation> location(CieParam param, String text, boolean local) {
        try {
            ResourceLocation location = ResourceLocation.parse(text);
            if (location.isPlainHttp() && !local) {
                problem(param, text + ": plain http cannot be trusted for an identity provider's keys; use https,"
                        + " file: or classpath:");
                return Optional.empty();
            }
            String unreadable = location.checkReadable();
            if (unreadable != null) {
                problem(param, unreadable);
                return Optional.empty();
            }
            return Optional.of(location);
        } catch (IllegalArgumentException e) {
            problem(param, e.getMessage());
            return Optional.empty();
        }
    }

    private CieLevel level() {
        String text = valueOrDefault(CieParam.SPID_LEVEL);
        Optional<CieLevel> level = CieLevel.parse(text);
        if (level.isEmpty()) {
            problem(CieParam.SPID_LEVEL, "'" + text + "' is not a level; use L1, L2 or L3");
        }
        return level.orElse(CieLevel.L2);
    }

    private List<String> attributes() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : words(valueOrDefault(CieParam.SPID_ATTRIBUTES))) {
            if (!SpidSettings.KNOWN_ATTRIBUTES.contains(name)) {
                problem(CieParam.SPID_ATTRIBUTES, "'" + name + "' is not a SPID attribute; use names of the SPID"
                        + " attribute table, e.g. name familyName fiscalNumber dateOfBirth email");
            }
            names.add(name);
        }
        if (!names.contains("fiscalNumber") && !names.contains("spidCode")) {
            problem(CieParam.SPID_ATTRIBUTES, "must include fiscalNumber or spidCode: the identity needs one of them"
                    + " to say who the citizen is");
        }
        return List.copyOf(names);
    }

    private EidasAttributeSet attributeSet() {
        String text = valueOrDefault(CieParam.EIDAS_ATTRIBUTE_SET);
        for (EidasAttributeSet set : EidasAttributeSet.values()) {
            if (set.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
                return set;
            }
        }
        problem(CieParam.EIDAS_ATTRIBUTE_SET, "'" + text + "' is not valid; use minimum (index 99) or full (index 100)");
        return EidasAttributeSet.MINIMUM;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("[,\\s]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private Optional<String> value(CieParam param) {
        return source.value(param, problems);
    }

    private String valueOrDefault(CieParam param) {
        return value(param).orElseGet(() -> param.defaultValue().orElseThrow());
    }

    private void problem(CieParam param, String message) {
        problems.add(new ConfigProblem(param.key(), message));
    }
}
