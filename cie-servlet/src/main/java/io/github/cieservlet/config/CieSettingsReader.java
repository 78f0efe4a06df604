package io.github.cieservlet.config;

import io.github.cieservlet.CieAuthenticationListener;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.web.TargetUrlPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads every {@code cie.*} param from a {@link ParamSource} into {@link CieSettings}, collecting every
 * problem on the way and throwing one {@link CieConfigException} that lists them all.
 */
public final class CieSettingsReader {

    private static final Pattern PATH_PREFIX = Pattern.compile("/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final Pattern VAT = Pattern.compile("[A-Z]{2}[0-9A-Z]{2,13}");
    private static final Pattern MUNICIPALITY = Pattern.compile("[A-Z0-9]{3,10}");
    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{6,15}");
    private static final Pattern NACE2 = Pattern.compile("[0-9]{2}(\\.[0-9]{1,2}){0,3}");

    private final ParamSource source;
    private final ClassLoader classLoader;
    private final Clock clock;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private SpCredentials nextCredentials;

    /**
     * @param source the raw values
     * @param classLoader the web application's class loader (keystore and listeners)
     * @param clock the clock certificates are checked against
     */
    public CieSettingsReader(ParamSource source, ClassLoader classLoader, Clock clock) {
        this.source = source;
        this.classLoader = classLoader;
        this.clock = clock;
    }

    /**
     * @return the validated settings
     * @throws CieConfigException listing every problem, when there is any
     */
    public CieSettings read() {
        problems.addAll(source.unknownNames());
        CieSettings.Builder builder = CieSettings.builder();

        Optional<Environment> environment = enumOf(CieParam.ENVIRONMENT, Environment.class);
        String entityId = entityId();
        String baseUrl = publicBaseUrl(environment.orElse(null));
        String prefix = pathPrefix();
        CieLevel level = level();
        LevelComparison comparison = enumOf(CieParam.LEVEL_COMPARISON, LevelComparison.class).orElse(LevelComparison.MINIMUM);
        if (comparison == LevelComparison.EXACT && level != CieLevel.L3) {
            problem(CieParam.LEVEL_COMPARISON, "exact is allowed only with cie.level=L3; use minimum for " + level);
        }
        SpOrganization organization = organization();
        SpContact contact = contact();

        builder.registerServlets(bool(CieParam.REGISTER_SERVLETS))
                .idpMetadataRefresh(Duration.ofSeconds(integer(CieParam.IDP_METADATA_REFRESH_SECONDS, 60, 7 * 86400)))
                .credentials(credentials())
                .nextCredentials(nextCredentials)
                .level(level)
                .comparison(comparison)
                .binding(enumOf(CieParam.BINDING, RequestBinding.class).orElse(RequestBinding.POST))
                .clockSkew(Duration.ofSeconds(integer(CieParam.CLOCK_SKEW_SECONDS, 0, 300)))
                .pendingRequestTimeout(Duration.ofSeconds(integer(CieParam.PENDING_REQUEST_TIMEOUT_SECONDS, 60, 3600)))
                .maxResponseBytes(integer(CieParam.MAX_RESPONSE_BYTES, 16 * 1024, 10 * 1024 * 1024))
                .afterLogoutPath(afterLogoutPath())
                .defaultTarget(defaultTarget())
                .idpLogout(bool(CieParam.IDP_LOGOUT))
                .authenticationListeners(listeners())
                .evidence(evidence())
                .evidenceRetention(evidenceRetention())
                .stateStore(stateStore())
                .health(health())
                .idpMetadataCache(idpMetadataCache())
                .idpCertificatePins(idpCertificatePins())
                .protocol(protocol())
                .protectedHeaders(enumOf(CieParam.PROTECTED_HEADERS, ProtectedHeaders.class).orElse(ProtectedHeaders.DENY));
        SpidSettings spid = new SpidSettingsReader(source, problems).read(environment.orElse(null), baseUrl);
        builder.spid(spid).spidBilling(new SpidBillingReader(source, problems).read(
                spid.enables(LoginScheme.SPID) || spid.enables(LoginScheme.EIDAS), contact == null ? null : contact.subjectType()));
        if (environment.isPresent() && baseUrl != null) {
            builder.idpMetadataLocation(idpMetadata(environment.get(), baseUrl));
        }
        if (organization != null) {
            builder.serviceName(value(CieParam.SERVICE_NAME).orElse(organization.displayName()));
        }
        if (!problems.isEmpty()) {
            throw new CieConfigException(problems);
        }
        return builder.environment(environment.get())
                .entityId(entityId)
                .endpoints(new SpEndpoints(baseUrl, prefix))
                .organization(organization)
                .contact(contact)
                .build();
    }

    private String entityId() {
        Optional<String> value = required(CieParam.ENTITY_ID,
                "set it to the entity ID you register with the Ministry, e.g. https://servizi.comune.example.it/cie");
        if (value.isEmpty()) {
            return null;
        }
        String entityId = value.get();
        if (entityId.length() > 1024 || entityId.chars().anyMatch(Character::isWhitespace)) {
            problem(CieParam.ENTITY_ID, "must be at most 1024 characters with no white space");
            return null;
        }
        try {
            if (!new URI(entityId).isAbsolute()) {
                problem(CieParam.ENTITY_ID, "must be an absolute URI, preferably https on your own domain");
            }
        } catch (URISyntaxException e) {
            problem(CieParam.ENTITY_ID, "is not a valid URI (" + e.getReason() + ")");
        }
        return entityId;
    }

    private String publicBaseUrl(Environment environment) {
        Optional<String> value = required(CieParam.PUBLIC_BASE_URL,
                "set it to the URL citizens use to reach this application, e.g. https://servizi.comune.example.it/portale");
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problem(CieParam.PUBLIC_BASE_URL, "is not a valid URL (" + e.getReason() + ")");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            problem(CieParam.PUBLIC_BASE_URL, "must be an absolute http(s) URL with a host and no query,"
                    + " e.g. https://servizi.comune.example.it/portale");
            return null;
        }
        boolean loopback = isLoopback(uri.getHost());
        if (environment == Environment.LOCAL && !loopback) {
            problem(CieParam.PUBLIC_BASE_URL, "cie.environment=local lets anyone log in as any test citizen, so it"
                    + " runs only on this machine (localhost, 127.0.0.1 or [::1]); use preproduction or production"
                    + " for " + uri.getHost());
        }
        if (environment != Environment.LOCAL && !"https".equals(scheme)) {
            problem(CieParam.PUBLIC_BASE_URL, "must be https outside cie.environment=local");
        }
        return text;
    }

    /** {@code localhost}, or a loopback address literal: read from the text, never resolved (no DNS, no hosts file). */
    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || LoopbackAddress.isLoopback(host);
    }

    private String pathPrefix() {
        String prefix = valueOrDefault(CieParam.PATH_PREFIX);
        if (!PATH_PREFIX.matcher(prefix).matches()) {
            problem(CieParam.PATH_PREFIX, "must start with '/', not end with '/', and use only letters, digits,"
                    + " '-' and '_', e.g. /cie");
        }
        return prefix;
    }

    private CieLevel level() {
        String text = valueOrDefault(CieParam.LEVEL);
        Optional<CieLevel> level = CieLevel.parse(text);
        if (level.isEmpty()) {
            problem(CieParam.LEVEL, "'" + text + "' is not a level; use L1, L2 or L3");
        }
        return level.orElse(CieLevel.L3);
    }

    private ResourceLocation idpMetadata(Environment environment, String baseUrl) {
        String text = value(CieParam.IDP_METADATA).orElse(environment.defaultMetadataLocation(baseUrl));
        try {
            ResourceLocation location = ResourceLocation.parse(text);
            if (location.isPlainHttp() && environment != Environment.LOCAL) {
                problem(CieParam.IDP_METADATA, "plain http cannot be trusted for the identity provider's keys;"
                        + " use https, file: or classpath:");
            }
            String unreadable = location.checkReadable();
            if (unreadable != null) {
                problem(CieParam.IDP_METADATA, unreadable);
            }
            return location;
        } catch (IllegalArgumentException e) {
            problem(CieParam.IDP_METADATA, e.getMessage());
            return null;
        }
    }

    private SpCredentials credentials() {
        Optional<String> keystore = required(CieParam.KEYSTORE,
                "set it to the PKCS#12 file with the service provider's key, e.g. file:/etc/portale/cie-sp.p12");
        Optional<String> password = required(CieParam.KEYSTORE_PASSWORD,
                "set it, preferably as ${env:CIE_KEYSTORE_SECRET} with the secret in the environment");
        if (keystore.isEmpty() || password.isEmpty()) {
            return null;
        }
        try {
            ResourceLocation location = ResourceLocation.parse(keystore.get());
            if (location.kind() == ResourceLocation.Kind.URL) {
                problem(CieParam.KEYSTORE, "a private key is not read over the network; use a file or classpath:");
                return null;
            }
            byte[] bytes = location.read(classLoader);
            char[] keyPassword = value(CieParam.KEY_PASSWORD).map(String::toCharArray).orElse(null);
            nextCredentials = nextKey(bytes, password.get().toCharArray(), keyPassword);
            return SpCredentials.fromPkcs12(bytes, password.get().toCharArray(),
                    value(CieParam.KEY_ALIAS).orElse(null), keyPassword, clock.instant());
        } catch (IOException e) {
            problem(CieParam.KEYSTORE, "cannot read " + keystore.get() + " (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            problem(CieParam.KEYSTORE, e.getMessage());
        }
        return null;
    }

    private SpCredentials nextKey(byte[] keystore, char[] password, char[] keyPassword) {
        Optional<String> alias = value(CieParam.NEXT_KEY_ALIAS);
        if (alias.isEmpty()) {
            return null;
        }
        if (value(CieParam.KEY_ALIAS).isEmpty() || value(CieParam.KEY_ALIAS).equals(alias)) {
            problem(CieParam.NEXT_KEY_ALIAS, "needs cie.keyAlias set to the current key, a different alias");
            return null;
        }
        try {
            return SpCredentials.fromPkcs12(keystore, password, alias.get(), keyPassword, clock.instant());
        } catch (IllegalArgumentException e) {
            problem(CieParam.NEXT_KEY_ALIAS, e.getMessage());
            return null;
        }
    }

    private SpOrganization organization() {
        Optional<String> name = required(CieParam.ORGANIZATION_NAME,
                "set it to the organisation's full legal name, exactly as in public registers");
        Optional<String> displayName = required(CieParam.ORGANIZATION_DISPLAY_NAME,
                "set it to the short name citizens know, e.g. Comune di Esempio");
        Optional<String> url = required(CieParam.ORGANIZATION_URL,
                "set it to the organisation's institutional web page");
        url.filter(u -> !u.matches("(?i)https?://\\S+"))
                .ifPresent(u -> problem(CieParam.ORGANIZATION_URL, "must be an http(s) URL"));
        if (name.isEmpty() || displayName.isEmpty() || url.isEmpty()) {
            return null;
        }
        return new SpOrganization(name.get(), displayName.get(), url.get());
    }

    private SpContact contact() {
        Optional<SubjectType> type = enumOf(CieParam.SUBJECT_TYPE, SubjectType.class);
        Optional<String> ipaCode = value(CieParam.IPA_CODE);
        Optional<String> vat = matching(CieParam.VAT_NUMBER, VAT, "country prefix and digits, no spaces, e.g. IT12345678901");
        Optional<String> fiscalCode = value(CieParam.FISCAL_CODE);
        Optional<String> nace2 = matching(CieParam.NACE2_CODE, NACE2, "dotted digits, e.g. 62.01.00");
        Optional<String> municipality = required(CieParam.MUNICIPALITY,
                "set it to the ISTAT code of the registered office's municipality, e.g. H501 for Roma");
        municipality.filter(m -> !MUNICIPALITY.matcher(m).matches())
                .ifPresent(m -> problem(CieParam.MUNICIPALITY, "must be the upper-case ISTAT code, e.g. H501"));
        Optional<String> province = matching(CieParam.PROVINCE, TWO_LETTERS, "two upper-case letters, e.g. RM");
        Optional<String> country = matching(CieParam.COUNTRY, TWO_LETTERS, "two upper-case letters, e.g. IT");
        Optional<String> email = required(CieParam.CONTACT_EMAIL,
                "set it to the institutional e-mail given in the onboarding request");
        email.filter(e -> !EMAIL.matcher(e).matches())
                .ifPresent(e -> problem(CieParam.CONTACT_EMAIL, "is not an e-mail address"));
        Optional<String> phone = matching(CieParam.CONTACT_PHONE, PHONE, "international format without spaces, e.g. +390612345678");
        if (type.orElse(null) == SubjectType.PUBLIC && ipaCode.isEmpty()) {
            problem(CieParam.IPA_CODE, "is required for public subjects; find it on indicepa.gov.it");
        }
        type.ifPresent(this::refuseParamsOfTheOtherSubjectType);
        if (type.orElse(null) == SubjectType.PRIVATE) {
            if (vat.isEmpty()) {
                problem(CieParam.VAT_NUMBER, "is required for private subjects");
            }
            if (fiscalCode.isEmpty()) {
                problem(CieParam.FISCAL_CODE, "is required for private subjects");
            }
            if (nace2.isEmpty()) {
                problem(CieParam.NACE2_CODE, "is required for private subjects");
            }
        }
        if (type.isEmpty() || municipality.isEmpty() || email.isEmpty()) {
            return null;
        }
        return new SpContact(type.get(), ipaCode.orElse(null), value(CieParam.IPA_CATEGORY).orElse(null),
                vat.orElse(null), fiscalCode.orElse(null), nace2.orElse(null), municipality.get(),
                province.orElse(null), country.orElse(null), email.get(), phone.orElse(null));
    }

    /**
     * The metadata would publish a leftover of the other profile (e.g. {@code cie:IPACode} beside
     * {@code cie:Private}), which the Ministry's checks refuse: each such param is a problem.
     */
    private void refuseParamsOfTheOtherSubjectType(SubjectType type) {
        List<CieParam> others = type == SubjectType.PUBLIC
                ? List.of(CieParam.VAT_NUMBER, CieParam.FISCAL_CODE, CieParam.NACE2_CODE)
                : List.of(CieParam.IPA_CODE, CieParam.IPA_CATEGORY);
        String other = type == SubjectType.PUBLIC ? "private" : "public";
        for (CieParam param : others) {
            if (value(param).isPresent()) {
                problem(param, "is for " + other + " subjects only, but cie.subjectType is "
                        + type.name().toLowerCase(Locale.ROOT) + "; remove " + param.key()
                        + ", or set cie.subjectType to " + other + " if that is what the organisation is");
            }
        }
    }

    private String protocol() {
        String name = valueOrDefault(CieParam.PROTOCOL);
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            problem(CieParam.PROTOCOL, "'" + name + "' is not a protocol name; use saml (the default) or oidc");
        }
        return name;
    }

    private String afterLogoutPath() {
        String path = valueOrDefault(CieParam.AFTER_LOGOUT_URL);
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            problem(CieParam.AFTER_LOGOUT_URL, "must be a path of this application starting with a single '/', e.g. /");
        }
        return path;
    }

    private String defaultTarget() {
        String path = valueOrDefault(CieParam.DEFAULT_TARGET);
        if (path.isEmpty() || TargetUrlPolicy.check(path).isEmpty()) {
            problem(CieParam.DEFAULT_TARGET, "'" + path + "' is not a path of this application; write a path that starts"
                    + " with a single '/', without backslashes or control characters, e.g. /area-riservata/");
        }
        return path;
    }

    private List<String> listeners() {
        List<String> names = value(CieParam.AUTHENTICATION_LISTENERS)
                .map(text -> Arrays.stream(text.split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList()))
                .orElse(List.of());
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, classLoader);
                if (!CieAuthenticationListener.class.isAssignableFrom(type)) {
                    problem(CieParam.AUTHENTICATION_LISTENERS, name + " does not implement "
                            + CieAuthenticationListener.class.getName());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problem(CieParam.AUTHENTICATION_LISTENERS, "class " + name + " not found in the web application");
            }
        }
        return names;
    }

    private EvidenceLocation evidence() {
        Optional<String> text = value(CieParam.EVIDENCE);
        if (text.isEmpty()) {
            return EvidenceLocation.UNSET;
        }
        try {
            return EvidenceLocation.parse(text.get());
        } catch (IllegalArgumentException e) {
            problem(CieParam.EVIDENCE, e.getMessage());
            return EvidenceLocation.UNSET;
        }
    }

    private Path idpMetadataCache() {
        Optional<String> text = value(CieParam.IDP_METADATA_CACHE);
        if (text.isEmpty()) {
            return null;
        }
        Path file = Paths.get(text.get().startsWith("file:") ? text.get().substring("file:".length()) : text.get());
        if (!file.isAbsolute() || file.getParent() == null || !Files.isDirectory(file.getParent())
                || !Files.isWritable(file.getParent())) {
            problem(CieParam.IDP_METADATA_CACHE, "must be an absolute file path in an existing directory the server"
                    + " can write, e.g. /var/lib/portale/cie-idp-metadata.xml");
            return null;
        }
        return file;
    }

    private Set<String> idpCertificatePins() {
        Set<String> pins = new LinkedHashSet<>();
        for (String pin : value(CieParam.IDP_CERTIFICATE_PINS).map(t -> t.split(",")).orElse(new String[0])) {
            String normalized = pin.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
            if (normalized.isEmpty()) {
                continue;
            }
            if (!normalized.matches("[0-9a-f]{64}")) {
                problem(CieParam.IDP_CERTIFICATE_PINS, "'" + pin.trim() + "' is not a SHA-256 fingerprint; give 64 hex"
                        + " digits, with or without colons, as printed by openssl x509 -noout -fingerprint -sha256");
            }
            pins.add(normalized);
        }
        return pins;
    }

    private HealthAccess health() {
        try {
            return HealthAccess.parse(valueOrDefault(CieParam.HEALTH));
        } catch (IllegalArgumentException e) {
            problem(CieParam.HEALTH, e.getMessage());
            return HealthAccess.OFF;
        }
    }

    private StateStoreLocation stateStore() {
        try {
            return StateStoreLocation.parse(valueOrDefault(CieParam.STATE_STORE));
        } catch (IllegalArgumentException e) {
            problem(CieParam.STATE_STORE, e.getMessage());
            return StateStoreLocation.MEMORY;
        }
    }

    private Period evidenceRetention() {
        String text = valueOrDefault(CieParam.EVIDENCE_RETENTION);
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException e) {
            problem(CieParam.EVIDENCE_RETENTION, "'" + text + "' is not an ISO-8601 period; write e.g. P24M for 24"
                    + " months or P3Y for 3 years");
            return Period.ofMonths(24);
        }
        if (period.isNegative() || period.isZero() || period.toTotalMonths() > 1200) {
            problem(CieParam.EVIDENCE_RETENTION, text + " is out of range; use a period from P1D to P100Y, normally"
                    + " P24M (the 24 months the CIE rules ask for)");
            return Period.ofMonths(24);
        }
        return period;
    }

    private Optional<String> value(CieParam param) {
        return source.value(param, problems);
    }

    private String valueOrDefault(CieParam param) {
        return value(param).orElseGet(() -> param.defaultValue().orElseThrow());
    }

    private Optional<String> required(CieParam param, String fix) {
        Optional<String> value = value(param);
        if (value.isEmpty()) {
            problem(param, "is missing; " + fix);
        }
        return value;
    }

    private Optional<String> matching(CieParam param, Pattern pattern, String expected) {
        Optional<String> value = value(param);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            problem(param, "'" + value.get() + "' is not valid; expected " + expected);
            return Optional.empty();
        }
        return value;
    }

    private boolean bool(CieParam param) {
        String text = valueOrDefault(param);
        if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
            problem(param, "'" + text + "' is not true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private int integer(CieParam param, int min, int max) {
        String text = valueOrDefault(param);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                problem(param, value + " is out of range; use a whole number from " + min + " to " + max);
            }
            return Math.max(min, Math.min(max, value));
        } catch (NumberFormatException e) {
            problem(param, "'" + text + "' is not a whole number; use one from " + min + " to " + max);
            return min;
        }
    }

    private <E extends Enum<E>> Optional<E> enumOf(CieParam param, Class<E> type) {
        Optional<String> text = param.defaultValue().isPresent()
                ? Optional.of(valueOrDefault(param)) : value(param);
        if (text.isEmpty()) {
            problem(param, "is missing; use one of " + choices(type));
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.get())) {
                return Optional.of(constant);
            }
        }
        problem(param, "'" + text.get() + "' is not valid; use one of " + choices(type));
        return Optional.empty();
    }

    private static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private void problem(CieParam param, String message) {
        problems.add(new ConfigProblem(param.key(), message));
    }
}
