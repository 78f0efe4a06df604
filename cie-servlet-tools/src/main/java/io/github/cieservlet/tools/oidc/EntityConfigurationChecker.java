package io.github.cieservlet.tools.oidc;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatement;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatementClaimsSet;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityType;
import io.github.cieservlet.oidc.ProfileAlgorithms;
import io.github.cieservlet.tools.Report;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONObject;

/** Checks an RP entity configuration (the signed JWT) against {@link EntityConfigurationRule}. */
public final class EntityConfigurationChecker {

    private EntityConfigurationChecker() {
    }

    /**
     * @param jwt the entity configuration as served
     * @return one result per rule
     */
    public static Report check(String jwt) {
        Report report = new Report();
        EntityStatement statement;
        try {
            statement = EntityStatement.parse(jwt.trim());
        } catch (ParseException e) {
            report.fail(EntityConfigurationRule.SIGNATURE, "not an entity statement: " + e.getMessage());
            return report;
        }
        EntityStatementClaimsSet claims = statement.getClaimsSet();
        signature(statement, report);
        String subject = claims.getSubject().getValue();
        report.check(EntityConfigurationRule.SELF_ISSUED, claims.isSelfStatement() && https(subject) ? List.of()
                : List.of("iss " + claims.getIssuer() + ", sub " + subject));
        List<String> hints = new ArrayList<>();
        if (claims.getAuthorityHints() == null || claims.getAuthorityHints().isEmpty()) {
            hints.add("no authority_hints");
        } else {
            claims.getAuthorityHints().stream().filter(h -> !https(h.getValue()))
                    .forEach(h -> hints.add("not https: " + h));
        }
        report.check(EntityConfigurationRule.AUTHORITY_HINTS, hints);
        federationEntity(claims.getMetadata(EntityType.FEDERATION_ENTITY), report);
        JSONObject rp = claims.getMetadata(EntityType.OPENID_RELYING_PARTY);
        if (rp == null) {
            report.fail(EntityConfigurationRule.RP_METADATA, "no openid_relying_party metadata");
            return report;
        }
        relyingParty(rp, subject, report);
        algorithms(rp, report);
        keys(rp, report);
        if (claims.getTrustMarks() == null || claims.getTrustMarks().isEmpty()) {
            report.warn(EntityConfigurationRule.TRUST_MARKS, "none yet: the federation issues them after registration");
        } else {
            report.pass(EntityConfigurationRule.TRUST_MARKS);
        }
        return report;
    }

    private static void signature(EntityStatement statement, Report report) {
        JWSAlgorithm alg = statement.getSignedStatement().getHeader().getAlgorithm();
        if (!ProfileAlgorithms.SIGNATURE.contains(alg)) {
            report.fail(EntityConfigurationRule.SIGNATURE, "signed with " + alg);
            return;
        }
        try {
            statement.verifySignatureOfSelfStatement();
            report.pass(EntityConfigurationRule.SIGNATURE);
        } catch (BadJOSEException | JOSEException e) {
            report.fail(EntityConfigurationRule.SIGNATURE, e.getMessage());
        }
    }

    private static void federationEntity(JSONObject entity, Report report) {
        List<String> problems = new ArrayList<>();
        if (entity == null) {
            report.fail(EntityConfigurationRule.FEDERATION_ENTITY, "no federation_entity metadata");
            report.warn(EntityConfigurationRule.RESOLVE_ENDPOINT, "no federation_entity metadata");
            return;
        }
        for (String name : List.of("organization_name", "homepage_uri", "policy_uri", "logo_uri", "contacts")) {
            if (entity.get(name) == null) {
                problems.add("missing " + name);
            }
        }
        Object logo = entity.get("logo_uri");
        if (logo != null && !String.valueOf(logo).toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            problems.add("logo_uri is not an .svg file");
        }
        report.check(EntityConfigurationRule.FEDERATION_ENTITY, problems);
        if (entity.get("federation_resolve_endpoint") == null) {
            report.warn(EntityConfigurationRule.RESOLVE_ENDPOINT, "missing");
        } else {
            report.pass(EntityConfigurationRule.RESOLVE_ENDPOINT);
        }
    }

    private static void relyingParty(JSONObject rp, String subject, Report report) {
        List<String> problems = new ArrayList<>();
        if (!subject.equals(rp.get("client_id"))) {
            problems.add("client_id is " + rp.get("client_id") + ", not the entity ID");
        }
        List<?> redirects = list(rp.get("redirect_uris"));
        if (redirects.isEmpty()) {
            problems.add("no redirect_uris");
        }
        redirects.stream().filter(u -> !https(String.valueOf(u))).forEach(u -> problems.add("redirect URI not https: " + u));
        if (!list(rp.get("grant_types")).contains("authorization_code")) {
            problems.add("grant_types lacks authorization_code");
        }
        if (!list(rp.get("response_types")).equals(List.of("code"))) {
            problems.add("response_types is not [code]");
        }
        if (!"private_key_jwt".equals(rp.get("token_endpoint_auth_method"))) {
            problems.add("token_endpoint_auth_method is not private_key_jwt");
        }
        if (!list(rp.get("client_registration_types")).contains("automatic")) {
            problems.add("client_registration_types lacks automatic");
        }
        report.check(EntityConfigurationRule.RP_METADATA, problems);
    }

    private static void algorithms(JSONObject rp, Report report) {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("id_token_signed_response_alg", "userinfo_signed_response_alg")) {
            Object value = rp.get(name);
            if (value == null || !ProfileAlgorithms.SIGNATURE.contains(JWSAlgorithm.parse(String.valueOf(value)))) {
                problems.add(name + " is " + value);
            }
        }
        for (String prefix : List.of("id_token", "userinfo")) {
            Object alg = rp.get(prefix + "_encrypted_response_alg");
            Object enc = rp.get(prefix + "_encrypted_response_enc");
            if (alg == null || !ProfileAlgorithms.KEY_ENCRYPTION.contains(JWEAlgorithm.parse(String.valueOf(alg)))) {
                problems.add(prefix + "_encrypted_response_alg is " + alg);
            }
            if (enc == null || !ProfileAlgorithms.CONTENT_ENCRYPTION.contains(
                    EncryptionMethod.parse(String.valueOf(enc)))) {
                problems.add(prefix + "_encrypted_response_enc is " + enc);
            }
        }
        report.check(EntityConfigurationRule.RP_ALGORITHMS, problems);
    }

    private static void keys(JSONObject rp, Report report) {
        List<String> problems = new ArrayList<>();
        JWKSet jwks;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) rp.get("jwks");
            jwks = JWKSet.parse(json);
        } catch (java.text.ParseException | ClassCastException | NullPointerException e) {
            report.fail(EntityConfigurationRule.RP_JWKS, "no readable jwks");
            return;
        }
        Set<String> kids = new HashSet<>();
        boolean signing = false;
        boolean encryption = false;
        for (JWK key : jwks.getKeys()) {
            if (key.isPrivate()) {
                problems.add("key " + key.getKeyID() + " publishes its PRIVATE part");
            }
            if (key.getKeyID() == null || !kids.add(key.getKeyID())) {
                problems.add("kid missing or repeated: " + key.getKeyID());
            }
            if (key instanceof RSAKey && key.size() < 2048) {
                problems.add("key " + key.getKeyID() + " has " + key.size() + " bits");
            }
            signing |= key instanceof RSAKey && (key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()));
            encryption |= key instanceof RSAKey && KeyUse.ENCRYPTION.equals(key.getKeyUse());
        }
        if (!signing) {
            problems.add("no RSA signing key");
        }
        if (!encryption) {
            problems.add("no RSA key with use=enc");
        }
        report.check(EntityConfigurationRule.RP_JWKS, problems);
    }

    private static List<?> list(Object value) {
        return value instanceof List ? (List<?>) value : List.of();
    }

    private static boolean https(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
