package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cie.spid.billing.*}: the billing contact of a private subject's SPID metadata. */
class SpidBillingReaderTest {

    @TempDir
    Path dir;

    private Map<String, String> privateSubject(String schemes, String... pairs) {
        Map<String, String> params = new HashMap<>(ConfigFixtures.validPublic(dir));
        params.remove("cie.ipaCode");
        params.put("cie.subjectType", "private");
        params.put("cie.vatNumber", "IT12345678901");
        params.put("cie.fiscalCode", "12345678901");
        params.put("cie.nace2Code", "62.01.00");
        params.put("cie.schemes", schemes);
        params.put("cie.spid.billing.email", "fatture@azienda.example.it");
        params.put("cie.spid.billing.address", "Via Roma");
        params.put("cie.spid.billing.postalCode", "00100");
        params.put("cie.spid.billing.city", "Roma");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                params.remove(pairs[i]);
            } else {
                params.put(pairs[i], pairs[i + 1]);
            }
        }
        return params;
    }

    private CieSettings read(Map<String, String> params) {
        return new CieSettingsReader(new ParamSource(params, Map.of(), Map.of()), getClass().getClassLoader(),
                Clock.systemUTC()).read();
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
    void aPrivateSubjectOfferingSpidGetsItsBillingContactWithDefaults() {
        SpidBilling billing = read(privateSubject("cie spid")).spidBilling().orElseThrow();
        assertThat(billing.email()).isEqualTo("fatture@azienda.example.it");
        assertThat(billing.address()).isEqualTo("Via Roma");
        assertThat(billing.postalCode()).isEqualTo("00100");
        assertThat(billing.city()).isEqualTo("Roma");
        assertThat(billing.country()).isEqualTo("IT");
        assertThat(billing.phone()).isEmpty();
        assertThat(billing.streetNumber()).isEmpty();
        assertThat(billing.province()).isEmpty();
    }

    @Test
    void optionalFieldsAreReadWhenSet() {
        SpidBilling billing = read(privateSubject("eidas", "cie.spid.billing.phone", "+390612345678",
                "cie.spid.billing.streetNumber", "12/A", "cie.spid.billing.province", "RM",
                "cie.spid.billing.country", "SM")).spidBilling().orElseThrow();
        assertThat(billing.phone()).contains("+390612345678");
        assertThat(billing.streetNumber()).contains("12/A");
        assertThat(billing.province()).contains("RM");
        assertThat(billing.country()).isEqualTo("SM");
    }

    @Test
    void withoutSpidNorEidasTheBillingContactIsNotRead() {
        assertThat(read(privateSubject("cie", "cie.spid.billing.email", null)).spidBilling()).isEmpty();
    }

    @Test
    void eachRequiredFieldMissingIsNamed() {
        assertThat(problems(privateSubject("spid", "cie.spid.billing.email", null, "cie.spid.billing.address", null,
                "cie.spid.billing.postalCode", null, "cie.spid.billing.city", null)))
                .anySatisfy(p -> assertThat(p).startsWith("cie.spid.billing.email: is required for a private subject"))
                .anySatisfy(p -> assertThat(p).startsWith("cie.spid.billing.address: is required"))
                .anySatisfy(p -> assertThat(p).startsWith("cie.spid.billing.postalCode: is required"))
                .anySatisfy(p -> assertThat(p).startsWith("cie.spid.billing.city: is required"))
                .hasSize(4);
    }

    @Test
    void eachMalformedFieldIsNamed() {
        assertThat(problems(privateSubject("spid", "cie.spid.billing.email", "fatture", "cie.spid.billing.phone",
                "06 1234", "cie.spid.billing.postalCode", "001", "cie.spid.billing.province", "Roma",
                "cie.spid.billing.country", "ita")))
                .containsExactlyInAnyOrder(
                        "cie.spid.billing.email: 'fatture' is not valid; use an e-mail address for invoices",
                        "cie.spid.billing.phone: '06 1234' is not valid; use international format without spaces,"
                                + " e.g. +390612345678",
                        "cie.spid.billing.postalCode: '001' is not valid; use five digits, e.g. 00100",
                        "cie.spid.billing.province: 'Roma' is not valid; use two upper-case letters, e.g. RM",
                        "cie.spid.billing.country: 'ita' is not valid; use two upper-case letters, e.g. IT");
    }

    @Test
    void aPublicSubjectMustNotSetThem() {
        Map<String, String> params = new HashMap<>(ConfigFixtures.validPublic(dir));
        params.put("cie.schemes", "cie spid");
        assertThat(read(params).spidBilling()).isEmpty();
        params.put("cie.spid.billing.city", "Roma");
        assertThat(problems(params)).containsExactly("cie.spid.billing.city: is for private subjects only (the billing"
                + " contact of their SPID metadata), but cie.subjectType is public; remove it");
    }
}
