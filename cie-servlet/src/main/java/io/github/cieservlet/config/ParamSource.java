package io.github.cieservlet.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw {@code cie.*} values from their three layers, strongest first: JVM system properties, environment
 * variables ({@code CIE_ENTITY_ID} for {@code cie.entityId}), then web.xml context-params. Values may contain
 * {@code ${env:NAME}} and {@code ${sys:name}} placeholders, resolved here.
 *
 * <p>Also reports {@code cie.*} names in web.xml or the system properties that are not parameters at all
 * (typos must stop deployment, not be ignored).
 */
public final class ParamSource {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(env|sys):([^}]+)}");
    private static final String PREFIX = "cie.";

    private final Map<String, String> contextParams;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;

    /**
     * @param contextParams web.xml context-params (all of them; only {@code cie.*} ones are read)
     * @param environment the process environment
     * @param systemProperties the JVM system properties
     */
    public ParamSource(Map<String, String> contextParams, Map<String, String> environment,
            Map<String, String> systemProperties) {
        this.contextParams = Map.copyOf(contextParams);
        this.environment = Map.copyOf(environment);
        this.systemProperties = Map.copyOf(systemProperties);
    }

    /**
     * @param contextParams web.xml context-params
     * @return a source over them and this JVM's environment and system properties
     */
    public static ParamSource withProcessOverrides(Map<String, String> contextParams) {
        Map<String, String> sys = new TreeMap<>();
        System.getProperties().forEach((k, v) -> sys.put(String.valueOf(k), String.valueOf(v)));
        return new ParamSource(contextParams, System.getenv(), sys);
    }

    /**
     * The value of a param from the strongest layer that sets it, placeholders resolved, trimmed; a value
     * that is blank counts as not set.
     *
     * @param param the param
     * @param problems where an unresolved placeholder is reported
     * @return the value, or empty when no layer sets it
     */
    public Optional<String> value(CieParam param, List<ConfigProblem> problems) {
        String raw = systemProperties.get(param.key());
        if (raw == null) {
            raw = environment.get(param.envName());
        }
        if (raw == null) {
            raw = contextParams.get(param.key());
        }
        if (raw == null) {
            return Optional.empty();
        }
        String resolved = resolve(param, raw, problems).trim();
        return resolved.isEmpty() ? Optional.empty() : Optional.of(resolved);
    }

    /** @return problems for every {@code cie.*} name that is not a known parameter */
    public List<ConfigProblem> unknownNames() {
        List<ConfigProblem> problems = new ArrayList<>();
        reportUnknown(contextParams, "web.xml context-param", problems);
        reportUnknown(systemProperties, "system property", problems);
        return problems;
    }

    private static void reportUnknown(Map<String, String> layer, String where, List<ConfigProblem> problems) {
        new TreeMap<>(layer).keySet().stream()
                .filter(name -> name.startsWith(PREFIX) && CieParam.byKey(name).isEmpty())
                .forEach(name -> problems.add(new ConfigProblem(name, "unknown " + where
                        + "; check the spelling against docs/configuration.md" + suggestion(name))));
    }

    private static String suggestion(String name) {
        for (CieParam param : CieParam.values()) {
            if (param.key().equalsIgnoreCase(name)) {
                return " (did you mean " + param.key() + "?)";
            }
        }
        return "";
    }

    private String resolve(CieParam param, String raw, List<ConfigProblem> problems) {
        Matcher matcher = PLACEHOLDER.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String name = matcher.group(2);
            String replacement = "env".equals(kind) ? environment.get(name) : systemProperties.get(name);
            if (replacement == null) {
                problems.add(new ConfigProblem(param.key(), "refers to ${" + kind + ":" + name + "}, but "
                        + ("env".equals(kind) ? "no environment variable " : "no system property ") + name
                        + " is set; set it before starting the server"));
                replacement = "";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
