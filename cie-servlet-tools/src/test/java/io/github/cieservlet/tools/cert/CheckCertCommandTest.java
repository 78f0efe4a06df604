package io.github.cieservlet.tools.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.tools.Cli;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCertCommandTest {

    private static final TestEnv ENV = TestEnv.of(Map.of("P12_SECRET", "changeit-123"));

    @TempDir
    Path dir;

    @Test
    void compliantPemCertificatePassesEveryRule() throws Exception {
        Cli cli = check(new CertificateRecipe().build());
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.OK);
        assertThat(cli.passedRules()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CertRule.values()).map(CertRule::id).collect(Collectors.toSet()));
        assertThat(cli.out()).contains("OK: 14 rules checked, 0 failed");
    }

    @Test
    void derCertificateIsReadToo() throws Exception {
        Path der = write("sp.cer", new CertificateRecipe().build().getEncoded());
        Cli cli = Cli.run(ENV, "check-cert", der.toString());
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void keystoreIsOpenedWithThePasswordFromTheEnvironment() {
        SpCredentials credentials = TestCredentials.generate("CN=sp.test", 2048, Instant.now(), Duration.ofDays(10));
        Path p12 = write("sp.p12", TestCredentials.pkcs12(credentials, "sp", "changeit-123".toCharArray()));
        Cli cli = Cli.run(ENV, "check-cert", p12.toString(), "--password-env", "P12_SECRET");
        // A plain CN=sp.test certificate is readable but far from the profile.
        assertThat(cli.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(cli.failedRules()).contains("subject-uri", "key-usage", "policy-agid");
        assertThat(cli.warnedRules()).contains("validity");
    }

    @Test
    void wrongKeystorePasswordIsAnIoError() {
        Path p12 = write("sp.p12", TestCredentials.pkcs12(TestCredentials.sp(), "sp", "other-password".toCharArray()));
        Cli cli = Cli.run(ENV, "check-cert", p12.toString(), "--password-env", "P12_SECRET");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(cli.err()).contains("cannot open the keystore");
    }

    @Test
    void keystoreWithoutPasswordSourceIsAUsageError() {
        Path p12 = write("sp.p12", TestCredentials.pkcs12(TestCredentials.sp(), "sp", "changeit-123".toCharArray()));
        Cli cli = Cli.run(TestEnv.of(Map.of()), "check-cert", p12.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--password-env");
    }

    @Test
    void smallKey() throws Exception {
        assertOnlyFails("key", r -> r.keyBits = 1024);
    }

    @Test
    void sha1Signature() throws Exception {
        assertOnlyFails("signature-algorithm", r -> r.signatureAlgorithm = "SHA1withRSA");
    }

    @Test
    void missingCommonName() throws Exception {
        assertOnlyFails("subject-common-name", r -> r.without(BCStyle.CN));
    }

    @Test
    void repeatedOrganizationName() throws Exception {
        assertOnlyFails("subject-organization-name", r -> r.subject.add(Map.entry(BCStyle.O, "Altro Ente")));
    }

    @Test
    void missingUri() throws Exception {
        assertOnlyFails("subject-uri", r -> r.without(CertificateProfile.URI));
    }

    @Test
    void relativeUri() throws Exception {
        assertOnlyFails("subject-uri", r -> r.with(CertificateProfile.URI, "servizi/cie"));
    }

    @Test
    void malformedOrganizationIdentifier() throws Exception {
        // Without a valid identifier the sector policy cannot be matched either.
        assertOnlyFails(r -> r.with(CertificateProfile.ORGANIZATION_IDENTIFIER, "IT-c_x000"),
                "subject-organization-id", "policy-sector");
    }

    @Test
    void countryNotTwoLetters() throws Exception {
        assertOnlyFails("subject-country", r -> r.with(BCStyle.C, "it"));
    }

    @Test
    void missingLocality() throws Exception {
        assertOnlyFails("subject-locality", r -> r.without(BCStyle.L));
    }

    @Test
    void forbiddenPersonalAttributes() throws Exception {
        for (ASN1ObjectIdentifier forbidden : CertificateProfile.FORBIDDEN_SUBJECT_ATTRIBUTES) {
            assertOnlyFails("subject-forbidden", r -> r.subject.add(Map.entry(forbidden, "Mario")));
        }
    }

    @Test
    void missingBasicConstraints() throws Exception {
        assertOnlyFails("basic-constraints", r -> r.basicConstraints = null);
    }

    @Test
    void caCertificate() throws Exception {
        assertOnlyFails("basic-constraints", r -> r.basicConstraints = new BasicConstraints(true));
    }

    @Test
    void keyUsageNotCritical() throws Exception {
        assertOnlyFails("key-usage", r -> r.keyUsageCritical = false);
    }

    @Test
    void keyUsageWithoutNonRepudiation() throws Exception {
        assertOnlyFails("key-usage", r -> r.keyUsage = KeyUsage.digitalSignature);
    }

    @Test
    void keyUsageWithExtraBits() throws Exception {
        assertOnlyFails("key-usage", r -> r.keyUsage |= KeyUsage.keyEncipherment);
    }

    @Test
    void missingAgidPolicy() throws Exception {
        assertOnlyFails("policy-agid", r -> r.policies.remove("1.3.76.16.6"));
    }

    @Test
    void agidPolicyWithWrongExplicitText() throws Exception {
        assertOnlyFails("policy-agid", r -> r.policies.put("1.3.76.16.6", "agID"));
    }

    @Test
    void missingSectorPolicy() throws Exception {
        assertOnlyFails("policy-sector", r -> r.policies.remove("1.3.76.16.4.2.1"));
    }

    @Test
    void privatePolicyOnAPublicBody() throws Exception {
        assertOnlyFails("policy-sector", r -> r.policies.put("1.3.76.16.4.3.1", "cert_SP_Priv"));
    }

    @Test
    void privateSubjectPassesWithThePrivatePolicy() throws Exception {
        CertificateRecipe recipe = new CertificateRecipe().with(CertificateProfile.ORGANIZATION_IDENTIFIER, "VATIT-12345678901");
        recipe.policies.remove("1.3.76.16.4.2.1");
        recipe.policies.put("1.3.76.16.4.3.1", "cert_SP_Priv");
        assertThat(check(recipe.build()).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void expired() throws Exception {
        assertOnlyFails("validity", r -> r.notBefore = Instant.now().minus(Duration.ofDays(400)));
    }

    @Test
    void notYetValid() throws Exception {
        assertOnlyFails("validity", r -> r.notBefore = Instant.now().plus(Duration.ofDays(1)));
    }

    private void assertOnlyFails(String rule, Consumer<CertificateRecipe> breakIt) throws Exception {
        assertOnlyFails(breakIt, rule);
    }

    private void assertOnlyFails(Consumer<CertificateRecipe> breakIt, String... rules) throws Exception {
        CertificateRecipe recipe = new CertificateRecipe();
        breakIt.accept(recipe);
        Cli cli = check(recipe.build());
        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(cli.failedRules()).as(cli.out()).containsExactlyInAnyOrder(rules);
    }

    private Cli check(X509Certificate certificate) {
        Path pem = write("sp.crt", CredentialFiles.pem(certificate).getBytes(StandardCharsets.US_ASCII));
        return Cli.run(ENV, "check-cert", pem.toString());
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
