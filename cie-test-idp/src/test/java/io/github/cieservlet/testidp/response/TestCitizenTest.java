package io.github.cieservlet.testidp.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testidp.idp.IdpScheme;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCitizenTest {

    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22,
        25, 24, 23};
    private static final String MONTHS = "ABCDEHLMPRST";

    @Test
    void thereAreAtLeastThreeAndMarioRossiIsTheClassicOne() {
        assertThat(TestCitizen.values()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(TestCitizen.MARIO_ROSSI.fiscalCode()).isEqualTo("RSSMRA80A01H501U");
        assertThat(TestCitizen.MARIO_ROSSI.dateOfBirth()).hasToString("1980-01-01");
    }

    @Test
    void everyFiscalCodeIsWellFormedAndMatchesTheDateOfBirth() {
        for (TestCitizen citizen : EnumSet.allOf(TestCitizen.class)) {
            String code = citizen.fiscalCode();
            assertThat(code).as(citizen.name()).matches("[A-Z]{6}[0-9]{2}[A-Z][0-9]{2}[A-Z][0-9]{3}[A-Z]");
            assertThat(code.charAt(15)).as(citizen.name() + " check letter").isEqualTo(checkLetter(code));
            assertThat(Integer.parseInt(code.substring(6, 8))).isEqualTo(citizen.dateOfBirth().getYear() % 100);
            assertThat(code.charAt(8)).isEqualTo(MONTHS.charAt(citizen.dateOfBirth().getMonthValue() - 1));
            int day = Integer.parseInt(code.substring(9, 11));
            assertThat(day % 40).isEqualTo(citizen.dateOfBirth().getDayOfMonth());
        }
    }

    @Test
    void theSpidAndEidasPeopleHaveWellFormedFiscalNumbersAndSpidCodes() {
        for (IdpScheme scheme : List.of(IdpScheme.SPID, IdpScheme.FICEP)) {
            for (TestPerson person : TestPeople.at(scheme)) {
                Map<String, String> attributes = person.attributes();
                assertThat(attributes).as(person.name()).containsKeys("spidCode", "name", "familyName", "dateOfBirth");
                String fiscalNumber = attributes.get("fiscalNumber");
                if (fiscalNumber != null) {
                    assertThat(fiscalNumber).as(person.name()).startsWith("TINIT-");
                    String code = fiscalNumber.substring("TINIT-".length());
                    assertThat(code.charAt(15)).as(person.name() + " check letter").isEqualTo(checkLetter(code));
                    assertThat(code.substring(6, 8)).isEqualTo(attributes.get("dateOfBirth").substring(2, 4));
                }
                assertThat(attributes.get("spidCode")).as(person.name())
                        .matches(scheme == IdpScheme.SPID ? "[A-Z]{4}[A-Za-z0-9]{10}" : "[A-Z]{2}/IT/.+");
                assertThat(TestPeople.find(scheme, person.name())).contains(person);
            }
        }
        assertThat(TestPeople.at(IdpScheme.FICEP)).anySatisfy(person ->
                assertThat(person.attributes()).doesNotContainKey("fiscalNumber"));
        assertThat(TestPeople.find(IdpScheme.SPID, "BIANCA_VERDI")).isEmpty();
    }

    private static char checkLetter(String code) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = code.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? ODD[value] : value;
        }
        return (char) ('A' + sum % 26);
    }
}
