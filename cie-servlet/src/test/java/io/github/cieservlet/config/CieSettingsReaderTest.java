package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.testing.TestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CieSettingsReaderTest {

    @TempDir
    Path dir;

    private CieSettings read(Map<String, String> params) {
        return read(params, Map.of(), Map.of());
    }

    private CieSettings read(Map<String, String> params, Map<String, String> env, Map<String, String> sys) {
        return new CieSettingsReader(new ParamSource(params, env, sys), getClass().getClassLoader(),
                Clock.systemUTC()).read();
    }

    private List<String> problemParams(Map<String, String> params) {
        try {
            read(params);
        } catch (CieConfigException e) {
            return e.problems().stream().map(ConfigProblem::param).collect(Collectors.toList());
        }
        throw new AssertionError("configuration was accepted");
    }

    @Test
    void validConfigurationGivesSettingsWithDefaults() {
        CieSettings settings = read(ConfigFixtures.validPublic(dir));
        assertThat(settings.environment()).isEqualTo(Environment.PREPRODUCTION);
        assertThat(settings.endpoints().publicBaseUrl()).isEqualTo("https://servizi.comune.example.it/portale");
        assertThat(settings.endpoints().acsUrl()).isEqualTo("https://servizi.comune.example.it/portale/cie/acs");
        assertThat(settings.idpMetadataLocation().location())
                .isEqualTo("https://preproduzione.idserver.servizicie.interno.gov.it/idp/shibboleth?Metadata");
        assertThat(settings.level()).isEqualTo(CieLevel.L3);
        assertThat(settings.comparison()).isEqualTo(LevelComparison.MINIMUM);
        assertThat(settings.binding()).isEqualTo(RequestBinding.POST);
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxResponseBytes()).isEqualTo(256 * 1024);
        assertThat(settings.serviceName()).isEqualTo("Comune di Esempio");
        assertThat(settings.credentials().certificate()).isEqualTo(TestCredentials.sp().certificate());
        assertThat(settings.contact().ipaCode()).contains("c_x999");
        assertThat(settings.idpLogout()).isFalse();
    }

    @Test
    void emptyConfigurationListsEveryMissingParamAtOnce() {
        CieConfigException e = org.junit.jupiter.api.Assertions.assertThrows(CieConfigException.class, () -> read(Map.of()));
        assertThat(e.problems()).extracting(ConfigProblem::param).contains("cie.environment", "cie.entityId",
                "cie.publicBaseUrl", "cie.keystore", "cie.keystorePassword", "cie.organizationName",
                "cie.organizationDisplayName", "cie.organizationUrl", "cie.subjectType", "cie.municipality",
                "cie.contactEmail");
        assertThat(e.getMessage()).contains("cie.entityId: is missing; set it to the entity ID");
    }

    @Test
    void unknownParamIsATypoThatStopsDeployment() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.entityID", "https://x.example");
        params.put("other.param", "ignored");
        assertThatThrownBy(() -> read(params)).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.entityID: unknown web.xml context-param")
                .hasMessageContaining("did you mean cie.entityId?")
                .hasMessageNotContaining("other.param");
    }

    @Test
    void unknownSystemPropertyIsReportedToo() {
        assertThatThrownBy(() -> read(ConfigFixtures.validPublic(dir), Map.of(), Map.of("cie.levl", "L2")))
                .isInstanceOf(CieConfigException.class).hasMessageContaining("cie.levl: unknown system property");
    }

    @Test
    void systemPropertyBeatsEnvironmentWhichBeatsWebXml() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        assertThat(read(params, Map.of("CIE_LEVEL", "L2"), Map.of()).level()).isEqualTo(CieLevel.L2);
        assertThat(read(params, Map.of("CIE_LEVEL", "L2"), Map.of("cie.level", "L1")).level()).isEqualTo(CieLevel.L1);
    }

    @Test
    void placeholdersReadSecretsFromEnvironmentAndSystemProperties() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.keystorePassword", "${env:SP_SECRET}");
        assertThat(read(params, Map.of("SP_SECRET", ConfigFixtures.PASSWORD), Map.of()).credentials()).isNotNull();
        params.put("cie.keystorePassword", "${sys:sp.secret}");
        assertThat(read(params, Map.of(), Map.of("sp.secret", ConfigFixtures.PASSWORD)).credentials()).isNotNull();
    }

    @Test
    void unresolvedPlaceholderNamesTheVariable() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.keystorePassword", "${env:SP_SECRET}");
        assertThatThrownBy(() -> read(params)).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.keystorePassword: refers to ${env:SP_SECRET}, but no environment variable SP_SECRET is set");
    }

    @Test
    void wrongKeystorePasswordIsReported() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.keystorePassword", "wrong");
        assertThat(problemParams(params)).containsExactly("cie.keystore");
    }

    @Test
    void missingKeystoreFileIsReported() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.keystore", dir.resolve("nope.p12").toString());
        assertThatThrownBy(() -> read(params)).hasMessageContaining("cie.keystore: cannot read");
    }

    @Test
    void keystoreOverTheNetworkIsRefused() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.keystore", "https://keys.example/sp.p12");
        assertThatThrownBy(() -> read(params)).hasMessageContaining("not read over the network");
    }

    @Test
    void shortRsaKeyIsRefused() throws Exception {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        Path small = dir.resolve("small.p12");
        Files.write(small, TestCredentials.pkcs12(TestCredentials.generate("CN=small", 1024,
                Instant.now().minusSeconds(60), Duration.ofDays(10)), "sp", ConfigFixtures.PASSWORD.toCharArray()));
        params.put("cie.keystore", small.toString());
        assertThatThrownBy(() -> read(params)).hasMessageContaining("1024 bits");
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        Path expired = dir.resolve("expired.p12");
        Files.write(expired, TestCredentials.pkcs12(TestCredentials.generate("CN=old", 2048,
                Instant.now().minus(Duration.ofDays(30)), Duration.ofDays(10)), "sp", ConfigFixtures.PASSWORD.toCharArray()));
        params.put("cie.keystore", expired.toString());
        assertThatThrownBy(() -> read(params)).hasMessageContaining("not valid now");
    }

    @Test
    void wrongAliasListsTheAliasesThere() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.keyAlias", "other");
        assertThatThrownBy(() -> read(params)).hasMessageContaining("no private key under alias 'other'")
                .hasMessageContaining("[sp]");
    }

    @Test
    void publicBaseUrlMustBeHttpsOutsideLocal() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.publicBaseUrl", "http://servizi.comune.example.it");
        assertThatThrownBy(() -> read(params)).hasMessageContaining("cie.publicBaseUrl: must be https");
    }

    @Test
    void localEnvironmentRunsOnlyOnThisMachine() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.environment", "local");
        assertThatThrownBy(() -> read(params)).hasMessageContaining("lets anyone log in");
        params.put("cie.publicBaseUrl", "http://localhost:8080/app");
        CieSettings settings = read(params);
        assertThat(settings.idpMetadataLocation().location()).isEqualTo("http://localhost:8080/app/cie-test-idp/metadata");
        params.put("cie.publicBaseUrl", "http://127.0.0.1:8080");
        assertThat(read(params).environment()).isEqualTo(Environment.LOCAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://cafe:8080", "http://dead/", "http://127.0.0.1.nip.io/", "http://[::ffff:192.0.2.2]/",
        "http://localhost.example.com/"})
    void localEnvironmentNeverTrustsANameOrAnAbbreviatedAddress(String baseUrl) {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.environment", "local");
        params.put("cie.publicBaseUrl", baseUrl);
        assertThatThrownBy(() -> read(params)).hasMessageContaining("lets anyone log in");
    }

    @Test
    void plainHttpIdpMetadataIsRefusedOutsideLocal() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.idpMetadata", "http://idp.example/metadata");
        assertThat(problemParams(params)).containsExactly("cie.idpMetadata");
    }

    @Test
    void idpMetadataFileMustExist() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.idpMetadata", "file:" + dir.resolve("missing.xml"));
        assertThatThrownBy(() -> read(params)).hasMessageContaining("cie.idpMetadata: file");
    }

    @Test
    void exactComparisonOnlyWithL3() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.level", "L2");
        params.put("cie.levelComparison", "exact");
        assertThat(problemParams(params)).containsExactly("cie.levelComparison");
        params.put("cie.level", "SpidL3");
        assertThat(read(params).comparison()).isEqualTo(LevelComparison.EXACT);
    }

    @Test
    void badValuesNameTheirParams() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.level", "L4");
        params.put("cie.binding", "ARTIFACT");
        params.put("cie.clockSkewSeconds", "900");
        params.put("cie.maxResponseBytes", "lots");
        params.put("cie.pathPrefix", "cie/");
        params.put("cie.idpLogout", "yes");
        params.put("cie.afterLogoutUrl", "//evil.example");
        params.put("cie.defaultTarget", "https://evil.example/");
        params.put("cie.province", "Roma");
        params.put("cie.contactPhone", "06 1234");
        params.put("cie.contactEmail", "not-an-email");
        params.put("cie.entityId", "not a uri");
        assertThat(problemParams(params)).containsExactlyInAnyOrder("cie.level", "cie.binding", "cie.clockSkewSeconds",
                "cie.maxResponseBytes", "cie.pathPrefix", "cie.idpLogout", "cie.afterLogoutUrl", "cie.province",
                "cie.contactPhone", "cie.contactEmail", "cie.entityId", "cie.defaultTarget");
    }

    /** cie.defaultTarget is "/" unless set; it must be a path of this application, never another site. */
    @Test
    void defaultTarget_isAPathOfThisApplication() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        assertThat(read(params).defaultTarget()).isEqualTo("/");
        params.put("cie.defaultTarget", "/area-riservata/?tab=1");
        assertThat(read(params).defaultTarget()).isEqualTo("/area-riservata/?tab=1");
        for (String bad : new String[] {"area-riservata/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
                "/area\nSet-Cookie: x=y"}) {
            params.put("cie.defaultTarget", bad);
            assertThat(problemParams(params)).as(bad).containsExactly("cie.defaultTarget");
        }
    }

    @Test
    void privateSubjectNeedsVatFiscalCodeAndNace2() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.subjectType", "private");
        params.remove("cie.ipaCode");
        assertThat(problemParams(params)).containsExactlyInAnyOrder("cie.vatNumber", "cie.fiscalCode", "cie.nace2Code");
        params.put("cie.vatNumber", "IT12345678901");
        params.put("cie.fiscalCode", "12345678901");
        params.put("cie.nace2Code", "62.01.00");
        assertThat(read(params).contact().subjectType()).isEqualTo(SubjectType.PRIVATE);
    }

    @Test
    void privateSubjectWithALeftoverIpaCodeOrCategoryIsRefusedNamingTheParamAndTheFix() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.subjectType", "private");
        params.put("cie.vatNumber", "IT12345678901");
        params.put("cie.fiscalCode", "12345678901");
        params.put("cie.nace2Code", "62.01.00");
        params.put("cie.ipaCategory", "L6");
        assertThat(problemParams(params)).containsExactlyInAnyOrder("cie.ipaCode", "cie.ipaCategory");
        assertThatThrownBy(() -> read(params)).hasMessageContaining("cie.ipaCode: is for public subjects only, but"
                + " cie.subjectType is private; remove cie.ipaCode, or set cie.subjectType to public");
    }

    @Test
    void publicSubjectWithVatNumberFiscalCodeOrNace2IsRefusedNamingTheParamAndTheFix() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.vatNumber", "IT12345678901");
        assertThat(problemParams(params)).containsExactly("cie.vatNumber");
        params.put("cie.fiscalCode", "12345678901");
        params.put("cie.nace2Code", "62.01.00");
        assertThat(problemParams(params)).containsExactlyInAnyOrder("cie.vatNumber", "cie.fiscalCode", "cie.nace2Code");
        assertThatThrownBy(() -> read(params)).hasMessageContaining("cie.fiscalCode: is for private subjects only, but"
                + " cie.subjectType is public; remove cie.fiscalCode, or set cie.subjectType to private");
    }

    @Test
    void publicSubjectNeedsIpaCode() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.remove("cie.ipaCode");
        assertThat(problemParams(params)).containsExactly("cie.ipaCode");
    }

    @Test
    void listenerClassesAreChecked() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.authenticationListeners", "java.lang.String, com.example.Missing");
        assertThatThrownBy(() -> read(params)).hasMessageContaining("java.lang.String does not implement")
                .hasMessageContaining("class com.example.Missing not found");
    }
}
