package io.github.cieservlet.oidc;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.ConfigProblem;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.spi.LoginProtocolProvider;
import io.github.cieservlet.spi.ProtocolContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code cie.protocol=oidc}: reads the {@code cie.oidc.*} params (see docs/oidc.md) into {@link OidcSettings} and
 * {@link RpKeys}. In {@code production} the OP and the trust anchor default to the CIE ones and the trust anchor's
 * JWKS must be pinned; in {@code local} they default to the test IdP's federation, whose trust anchor keys are read
 * on first use from the servlet context attribute {@value #LOCAL_TRUST_ANCHOR_JWKS_ATTRIBUTE}.
 */
public final class OidcLoginProtocolProvider implements LoginProtocolProvider {

    /** The servlet context attribute where the local test IdP leaves its trust anchor's JWKS. */
    public static final String LOCAL_TRUST_ANCHOR_JWKS_ATTRIBUTE = "io.github.cieservlet.testidp.oidc.trustAnchorJwks";

    /** The CIE production OpenID Provider (third-party sources, 2025). */
    public static final URI CIE_PRODUCTION_PROVIDER = URI.create("https://oidc.idserver.servizicie.interno.gov.it");

    /** The CIE pre-production OpenID Provider (third-party sources, 2024-2025; no official document names it). */
    public static final URI CIE_PREPRODUCTION_PROVIDER =
            URI.create("https://preproduzione.oidc.idserver.servizicie.interno.gov.it");

    static final String PREFIX = "cie.oidc.";

    @Override
    public String name() {
        return "oidc";
    }

    @Override
    public LoginProtocol create(ProtocolContext context) {
        boolean local = "local".equals(context.environment());
        if (!local) {
            OidcRelyingParty rp = relyingParty(context, false);
            return new OidcLoginProtocol(() -> rp);
        }
        return new OidcLoginProtocol(new Supplier<>() {
            private volatile OidcRelyingParty rp;

            @Override
            public OidcRelyingParty get() {
                if (rp == null) {
                    synchronized (this) {
                        if (rp == null) {
                            rp = relyingParty(context, true);
                        }
                    }
                }
                return rp;
            }
        });
    }

    private static OidcRelyingParty relyingParty(ProtocolContext context, boolean local) {
        List<ConfigProblem> problems = new ArrayList<>();
        String base = context.publicBaseUrl() + context.pathPrefix();
        String testFederation = context.publicBaseUrl() + "/cie-test-idp/oidc";
        URI trustAnchorId = uri(context, "trustAnchor", local ? testFederation + "/ta"
                : byEnvironment(context, TrustAnchor.CIE_PRODUCTION, TrustAnchor.CIE_PREPRODUCTION), problems);
        URI provider = uri(context, "provider", local ? testFederation + "/op"
                : byEnvironment(context, CIE_PRODUCTION_PROVIDER, CIE_PREPRODUCTION_PROVIDER), problems);
        OidcSettings.Builder settings = OidcSettings.builder()
                .entityId(URI.create(base + "/oidc"))
                .redirectUri(URI.create(base + OidcLoginProtocol.CALLBACK_PATH))
                .providerEntityId(provider)
                .organizationName(context.param("cie.organizationName").orElse(local ? "Comune di prova" : null))
                .homepageUri(uri(context, "homepageUri", context.param("cie.organizationUrl")
                        .orElse(local ? context.publicBaseUrl() : null), problems))
                .policyUri(uri(context, "policyUri", local ? context.publicBaseUrl() : null, problems))
                .logoUri(uri(context, "logoUri", local ? context.publicBaseUrl() + "/logo.svg" : null, problems))
                .federationResolveEndpoint(uri(context, "federationResolveEndpoint", "", problems))
                .prompt(context.param(PREFIX + "prompt").orElse("consent login"))
                .requestEmail(Boolean.parseBoolean(context.param(PREFIX + "requestEmail").orElse("false")))
                .requestPhone(Boolean.parseBoolean(context.param(PREFIX + "requestPhone").orElse("false")));
        context.param("cie.level").flatMap(CieLevel::parse).ifPresent(settings::level);
        context.param("cie.clockSkewSeconds").ifPresent(s -> settings.clockSkew(Duration.ofSeconds(Long.parseLong(s))));
        context.param("cie.pendingRequestTimeoutSeconds")
                .ifPresent(s -> settings.loginTimeout(Duration.ofSeconds(Long.parseLong(s))));
        for (String contact : list(context.param(PREFIX + "contacts").or(() -> context.param("cie.contactEmail"))
                .orElse(local ? "test@example.org" : ""))) {
            settings.contact(contact);
        }
        List<String> hints = list(context.param(PREFIX + "authorityHints").orElse(
                trustAnchorId == null ? "" : trustAnchorId.toString()));
        hints.forEach(h -> settings.authorityHint(URI.create(h)));
        String jwks = local && context.param(PREFIX + "trustAnchorJwks").isEmpty()
                ? context.attribute(LOCAL_TRUST_ANCHOR_JWKS_ATTRIBUTE).map(String::valueOf).orElse(null)
                : text(context, "trustAnchorJwks", problems);
        if (jwks == null) {
            problems.add(new ConfigProblem(PREFIX + "trustAnchorJwks", "is required: the trust anchor's public JWKS,"
                    + " checked out of band (file:, classpath: or the JSON itself)"));
        } else if (trustAnchorId != null) {
            try {
                settings.trustAnchor(TrustAnchor.of(trustAnchorId, jwks));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(PREFIX + "trustAnchorJwks", e.getMessage()));
            }
        }
        Optional.ofNullable(text(context, "trustMarks", problems)).map(OidcLoginProtocolProvider::list)
                .ifPresent(marks -> marks.forEach(settings::trustMark));
        RpKeys keys = RpKeys.of(context.credentials(), keystores(context, "next", problems),
                keystores(context, "encryption", problems));
        OidcSettings built = null;
        try {
            built = settings.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(new ConfigProblem(PREFIX + "*", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new CieConfigException(problems);
        }
        return new OidcRelyingParty(built, keys, context.replayCache(), context.clock());
    }

    /** @return the production or pre-production value for {@code cie.environment}, else null (the param is required) */
    private static String byEnvironment(ProtocolContext context, URI production, URI preproduction) {
        if ("production".equals(context.environment())) {
            return production.toString();
        }
        return "preproduction".equals(context.environment()) ? preproduction.toString() : null;
    }

    private static URI uri(ProtocolContext context, String name, String fallback, List<ConfigProblem> problems) {
        String value = context.param(PREFIX + name).orElse(fallback);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(PREFIX + name, "is not a URL: " + value));
            return null;
        }
    }

    /** A value given inline, or read from a {@code file:}/{@code classpath:}/https location. */
    private static String text(ProtocolContext context, String name, List<ConfigProblem> problems) {
        Optional<String> value = context.param(PREFIX + name);
        if (value.isEmpty()) {
            return null;
        }
        String raw = value.get().trim();
        if (raw.startsWith("{") || raw.startsWith("ey")) {
            return raw;
        }
        try {
            return new String(ResourceLocation.parse(raw).read(context.classLoader()), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new ConfigProblem(PREFIX + name, "cannot be read from " + raw + " (" + e.getMessage() + ")"));
            return null;
        }
    }

    private static List<SpCredentials> keystores(ProtocolContext context, String which, List<ConfigProblem> problems) {
        Optional<String> location = context.param(PREFIX + which + "Keystore");
        if (location.isEmpty()) {
            return List.of();
        }
        String password = context.param(PREFIX + which + "KeystorePassword").orElse("");
        try {
            byte[] store = ResourceLocation.parse(location.get()).read(context.classLoader());
            return List.of(SpCredentials.fromPkcs12(store, password.toCharArray(),
                    context.param(PREFIX + which + "KeyAlias").orElse(null), null, context.clock().instant()));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new ConfigProblem(PREFIX + which + "Keystore", e.getMessage()));
            return List.of();
        }
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split("[\\s,]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }
}
