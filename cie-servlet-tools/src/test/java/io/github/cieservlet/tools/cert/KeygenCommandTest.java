package io.github.cieservlet.tools.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.tools.Cli;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.TestEnv;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.UserNotice;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {

    private static final String SECRET = "s3cret-keystore-pw";
    private static final TestEnv ENV = TestEnv.of(Map.of("CIE_KEYSTORE_SECRET", SECRET));
    private static final String ENTITY_ID = "https://servizi.comune.example.it/cie";

    @TempDir
    Path dir;

    @Test
    void publicBodyCertificateFollowsEveryRuleOfTheProfile() throws Exception {
        Cli cli = keygen(ENV, "--ipa-code", "c_x000", "--key-size", "2048");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("Wrote ", "SHA-256:");
        assertThat(Files.exists(dir.resolve("sp.key"))).isFalse();

        X509Certificate pem = readPem(dir.resolve("sp.crt"));
        SpCredentials p12 = SpCredentials.fromPkcs12(Files.readAllBytes(dir.resolve("sp.p12")), SECRET.toCharArray(),
                "cie-sp", null, Instant.now());
        assertThat(p12.certificate()).isEqualTo(pem);
        assertThat(((RSAPrivateKey) p12.privateKey()).getModulus()).isEqualTo(((RSAPublicKey) pem.getPublicKey()).getModulus());

        assertProfile(pem, 2048, "PA:IT-c_x000", "1.3.76.16.4.2.1", "cert_SP_Pub");
    }

    @Test
    void privateSubjectGetsTheVatIdentifierAndPrivatePolicy() throws Exception {
        Cli cli = keygen(ENV, "--vat-number", "IT12345678901", "--key-size", "2048");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        assertProfile(readPem(dir.resolve("sp.crt")), 2048, "VATIT-12345678901", "1.3.76.16.4.3.1", "cert_SP_Priv");
    }

    @Test
    void privateSubjectByFiscalCode() throws Exception {
        Cli cli = keygen(ENV, "--fiscal-code", "12345678901", "--key-size", "2048");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        assertProfile(readPem(dir.resolve("sp.crt")), 2048, "CF:IT-12345678901", "1.3.76.16.4.3.1", "cert_SP_Priv");
    }

    @Test
    void defaultsAre3072BitsAnd730Days() throws Exception {
        Cli cli = keygen(ENV, "--ipa-code", "c_x000");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        X509Certificate certificate = readPem(dir.resolve("sp.crt"));
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(730));
    }

    @Test
    void generatedFilesPassCheckCert() {
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--key-size", "2048", "--days", "365").exitCode()).isEqualTo(ExitCode.OK);
        Cli pem = Cli.run(ENV, "check-cert", dir.resolve("sp.crt").toString());
        Cli p12 = Cli.run(ENV, "check-cert", dir.resolve("sp.p12").toString(), "--password-env", "CIE_KEYSTORE_SECRET");
        assertThat(pem.exitCode()).as(pem.out()).isEqualTo(ExitCode.OK);
        assertThat(p12.exitCode()).as(p12.out()).isEqualTo(ExitCode.OK);
        assertThat(p12.failedRules()).isEmpty();
    }

    @Test
    void passwordFromTheConsoleIsAskedTwice() {
        Cli cli = Cli.run(TestEnv.console(SECRET, SECRET), args("--ipa-code", "c_x000", "--key-size", "2048").toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void differentConsolePasswordsWriteNothing() {
        Cli cli = Cli.run(TestEnv.console(SECRET, SECRET + "x"), args("--ipa-code", "c_x000", "--key-size", "2048").toArray(String[]::new));
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(cli.err()).contains("differ");
        assertThat(dir.resolve("sp.p12")).doesNotExist();
    }

    @Test
    void withoutConsoleOrPasswordEnvItIsAUsageError() {
        Cli cli = Cli.run(TestEnv.of(Map.of()), args("--ipa-code", "c_x000").toArray(String[]::new));
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--password-env CIE_KEYSTORE_SECRET");
    }

    @Test
    void unsetPasswordVariableIsAConfigurationError() {
        Cli cli = keygen(TestEnv.of(Map.of()), "--ipa-code", "c_x000");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(cli.err()).contains("CIE_KEYSTORE_SECRET", "not set");
    }

    @Test
    void shortPasswordIsRefused() {
        Cli cli = keygen(TestEnv.of(Map.of("CIE_KEYSTORE_SECRET", "short")), "--ipa-code", "c_x000");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(cli.err()).contains("at least 8");
    }

    @Test
    void keyPemOnlyOnRequestAndWithAWarning() throws Exception {
        Cli cli = keygen(ENV, "--ipa-code", "c_x000", "--key-size", "2048", "--key-pem");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("sp.key"))).startsWith("-----BEGIN").contains("PRIVATE KEY-----");
        assertThat(cli.err()).contains("WARNING", "UNENCRYPTED");
    }

    @Test
    void existingFilesAreKeptUnlessForced() {
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--key-size", "2048").exitCode()).isEqualTo(ExitCode.OK);
        Cli again = keygen(ENV, "--ipa-code", "c_x000", "--key-size", "2048");
        assertThat(again.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(again.err()).contains("already exists", "--force");
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--key-size", "2048", "--force").exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aMissingOutFolderIsCreated() {
        List<String> args = args("--ipa-code", "c_x000", "--key-size", "2048", "--password-env", "CIE_KEYSTORE_SECRET");
        args.set(args.indexOf("--out") + 1, dir.resolve("etc/portale/cie-sp").toString());
        Cli cli = Cli.run(ENV, args.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("Created the folder " + dir.resolve("etc/portale"));
        assertThat(dir.resolve("etc/portale/cie-sp.p12")).exists();
        assertThat(dir.resolve("etc/portale/cie-sp.crt")).exists();
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamedWithTheFix() throws Exception {
        Files.writeString(dir.resolve("file"), "not a folder");
        List<String> args = args("--ipa-code", "c_x000", "--key-size", "2048", "--password-env", "CIE_KEYSTORE_SECRET");
        args.set(args.indexOf("--out") + 1, dir.resolve("file/sub/cie-sp").toString());
        Cli cli = Cli.run(ENV, args.toArray(String[]::new));
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(cli.err()).contains("the folder " + dir.resolve("file/sub") + " does not exist and cannot be created",
                "Not a directory", "choose another --out").doesNotContain("at io.github");
    }

    @Test
    void passwordIsNeverACommandLineArgument() {
        Cli cli = keygen(ENV, "--ipa-code", "c_x000", "--password", SECRET);
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("unknown option --password");
        assertThat(dir.resolve("sp.p12")).doesNotExist();
    }

    @Test
    void keystoreIsReadableOnlyByItsOwner() throws Exception {
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--key-size", "2048").exitCode()).isEqualTo(ExitCode.OK);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("sp.p12")))).isEqualTo("rw-------");
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--key-size", "1024").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--key-size", "3000").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--days", "0").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--vat-number", "12345678901").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(keygen(ENV).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(keygen(ENV, "--vat-number", "123").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(keygen(ENV, "--ipa-code", "c_x000", "--country", "Italia").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(dir.resolve("sp.p12")).doesNotExist();
    }

    private Cli keygen(TestEnv env, String... extra) {
        List<String> args = args(extra);
        args.addAll(List.of("--password-env", "CIE_KEYSTORE_SECRET"));
        return Cli.run(env, args.toArray(String[]::new));
    }

    private List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of("keygen", "--entity-id", ENTITY_ID,
                "--organization-name", "Comune di Esempio, Città Metropolitana", "--display-name", "Comune di Esempio",
                "--locality", "Forlì", "--out", dir.resolve("sp").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private static X509Certificate readPem(Path file) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    /** Every rule of the profile, asserted on the parsed certificate without the tool's own checker. */
    private static void assertProfile(X509Certificate certificate, int bits, String organizationIdentifier,
            String sectorPolicy, String sectorText) throws Exception {
        X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(bits);
        assertThat(certificate.getSigAlgOID()).isEqualTo("1.2.840.113549.1.1.11");
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        certificate.verify(certificate.getPublicKey());

        Map<String, List<String>> subject = new HashMap<>();
        for (RDN rdn : holder.getSubject().getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                subject.computeIfAbsent(value.getType().getId(), k -> new ArrayList<>())
                        .add(((ASN1String) value.getValue()).getString());
            }
        }
        assertThat(subject).containsOnly(
                Map.entry("2.5.4.3", List.of("Comune di Esempio")),
                Map.entry("2.5.4.10", List.of("Comune di Esempio, Città Metropolitana")),
                Map.entry("2.5.4.83", List.of(ENTITY_ID)),
                Map.entry("2.5.4.97", List.of(organizationIdentifier)),
                Map.entry("2.5.4.6", List.of("IT")),
                Map.entry("2.5.4.7", List.of("Forlì")));
        for (String forbidden : List.of("2.5.4.4", "2.5.4.41", "2.5.4.42", "2.5.4.43", "2.5.4.44", "2.5.4.64", "2.5.4.65")) {
            assertThat(subject).doesNotContainKey(forbidden);
        }

        Extension keyUsage = holder.getExtension(Extension.keyUsage);
        assertThat(keyUsage.isCritical()).isTrue();
        assertThat(certificate.getKeyUsage()).containsExactly(true, true, false, false, false, false, false, false, false);
        assertThat(KeyUsage.getInstance(keyUsage.getParsedValue()).hasUsages(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)).isTrue();

        assertThat(BasicConstraints.getInstance(holder.getExtension(Extension.basicConstraints).getParsedValue()).isCA()).isFalse();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);

        Map<String, String> policies = new HashMap<>();
        for (PolicyInformation policy : CertificatePolicies.getInstance(
                holder.getExtension(Extension.certificatePolicies).getParsedValue()).getPolicyInformation()) {
            for (ASN1Encodable element : policy.getPolicyQualifiers()) {
                PolicyQualifierInfo qualifier = PolicyQualifierInfo.getInstance(element);
                assertThat(qualifier.getPolicyQualifierId()).isEqualTo(PolicyQualifierId.id_qt_unotice);
                policies.put(policy.getPolicyIdentifier().getId(),
                        UserNotice.getInstance(qualifier.getQualifier()).getExplicitText().getString());
            }
        }
        assertThat(policies).containsOnly(Map.entry("1.3.76.16.6", "agIDcert"), Map.entry(sectorPolicy, sectorText));

        Instant now = Instant.now();
        assertThat(certificate.getNotBefore().toInstant()).isBefore(now.plusSeconds(1));
        assertThat(certificate.getNotAfter().toInstant()).isAfter(now.plus(Duration.ofDays(729)));
    }
}
