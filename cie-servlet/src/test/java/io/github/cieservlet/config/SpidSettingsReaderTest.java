package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cie.schemes}, {@code cie.spid.*} and {@code cie.eidas.*}: defaults, and a startup error naming the param. */
class SpidSettingsReaderTest {

    @TempDir
    Path dir;

    private CieSettings read(Map<String, String> params) {
        return new CieSettingsReader(new ParamSource(params, Map.of(), Map.of()), getClass().getClassLoader(),
                Clock.systemUTC()).read();
    }

    private Map<String, String> with(String... pairs) {
        Map<String, String> params = new HashMap<>(ConfigFixtures.validPublic(dir));
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private List<String> problems(Map<String, String> params) {
        try {
            read(params);
        } catch (CieConfigException e) {
            return e.problems().stream().map(p -> p.param() + ": " + p.message()).collect(Collectors.toList());
        }
        throw new AssertionError("configuration was accepted");
    }

    @Test
    void aCieOnlyWebXmlIsCieOnly() {
        SpidSettings spid = read(ConfigFixtures.validPublic(dir)).spid();
        assertThat(spid.schemes()).containsExactly(LoginScheme.CIE);
        assertThat(spid.enables(LoginScheme.SPID)).isFalse();
        assertThat(spid.level()).isEqualTo(CieLevel.L2);
        assertThat(spid.spidAttributes()).containsExactly("name", "familyName", "fiscalNumber", "dateOfBirth");
        assertThat(spid.eidasMetadata()).isNull();
    }

    @Test
    void productionDefaultsAreTheRegistryAndTheProductionFicep() {
        SpidSettings spid = read(with("cie.schemes", "cie, spid eidas")).spid();
        assertThat(spid.schemes()).containsExactlyInAnyOrder(LoginScheme.CIE, LoginScheme.SPID, LoginScheme.EIDAS);
        assertThat(spid.spidIdps().kind()).isEqualTo(SpidIdpSource.Kind.REGISTRY);
        assertThat(spid.eidasMetadata().location()).isEqualTo(SpidSettingsReader.FICEP_PRODUCTION);
        assertThat(spid.eidasAttributeSet()).isEqualTo(EidasAttributeSet.MINIMUM);
        assertThat(spid.eidasAttributeSet().index()).isEqualTo(99);
    }

    @Test
    void qaFicepAndFullSet() {
        SpidSettings spid = read(with("cie.schemes", "eidas", "cie.eidas.idpMetadata", "qa",
                "cie.eidas.attributeSet", "full")).spid();
        assertThat(spid.schemes()).containsExactly(LoginScheme.EIDAS);
        assertThat(spid.eidasMetadata().location()).isEqualTo(SpidSettingsReader.FICEP_QA);
        assertThat(spid.eidasAttributeSet().index()).isEqualTo(100);
        assertThat(spid.eidasAttributeSet().attributes()).contains("placeOfBirth", "address", "gender");
    }

    @Test
    void localDefaultsAreTheLocalTestIdps() {
        Map<String, String> params = with("cie.environment", "local", "cie.publicBaseUrl", "http://127.0.0.1:8080/app",
                "cie.schemes", "spid eidas", "cie.spid.level", "L3");
        SpidSettings spid = read(params).spid();
        assertThat(spid.spidIdps().kind()).isEqualTo(SpidIdpSource.Kind.LOCAL_TEST_IDP);
        assertThat(spid.spidIdps().locations()).extracting(ResourceLocation::location)
                .containsExactly("http://127.0.0.1:8080/app/cie-test-idp/spid/metadata");
        assertThat(spid.eidasMetadata().location()).isEqualTo("http://127.0.0.1:8080/app/cie-test-idp/ficep/metadata");
        assertThat(spid.level()).isEqualTo(CieLevel.L3);
    }

    @Test
    void explicitMetadataLocationsAreKept() throws Exception {
        Path one = Files.writeString(dir.resolve("one.xml"), "<x/>");
        Path two = Files.writeString(dir.resolve("two.xml"), "<x/>");
        SpidSettings spid = read(with("cie.schemes", "spid", "cie.spid.idpMetadata",
                "file:" + one + "  file:" + two)).spid();
        assertThat(spid.spidIdps().kind()).isEqualTo(SpidIdpSource.Kind.LOCATIONS);
        assertThat(spid.spidIdps().locations()).hasSize(2);
    }

    @Test
    void unknownSchemeNamesTheParam() {
        assertThat(problems(with("cie.schemes", "cie spidd"))).singleElement().asString()
                .startsWith("cie.schemes: 'spidd' is not a scheme");
        assertThat(problems(with("cie.schemes", " , "))).singleElement().asString().startsWith("cie.schemes: names no scheme");
    }

    @Test
    void badLevelAttributeAndSetNameTheirParams() {
        assertThat(problems(with("cie.spid.level", "L4"))).singleElement().asString().startsWith("cie.spid.level:");
        assertThat(problems(with("cie.spid.attributes", "name fiscalNumber shoeSize"))).singleElement().asString()
                .startsWith("cie.spid.attributes: 'shoeSize'");
        assertThat(problems(with("cie.eidas.attributeSet", "large"))).singleElement().asString()
                .startsWith("cie.eidas.attributeSet:");
    }

    @Test
    void theIdentityNeedsFiscalNumberOrSpidCode() {
        assertThat(problems(with("cie.spid.attributes", "name email"))).singleElement().asString()
                .startsWith("cie.spid.attributes: must include fiscalNumber or spidCode");
        assertThat(read(with("cie.spid.attributes", "spidCode email")).spid().spidAttributes())
                .containsExactly("spidCode", "email");
    }

    @Test
    void plainHttpOrMissingMetadataIsRefusedOutsideLocal() {
        assertThat(problems(with("cie.schemes", "spid", "cie.spid.idpMetadata", "http://idp.example/metadata")))
                .singleElement().asString().startsWith("cie.spid.idpMetadata: http://idp.example/metadata: plain http");
        assertThat(problems(with("cie.schemes", "eidas", "cie.eidas.idpMetadata", "http://ficep.example/metadata")))
                .singleElement().asString().startsWith("cie.eidas.idpMetadata:");
        assertThat(problems(with("cie.schemes", "spid", "cie.spid.idpMetadata", "file:" + dir.resolve("none.xml"))))
                .singleElement().asString().startsWith("cie.spid.idpMetadata:");
    }
}
