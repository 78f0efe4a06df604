package io.github.cieservlet.testidp.response;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The invented citizens a developer can log in as at the CIE test IdP. Their fiscal codes are well-formed (right
 * check letter) but belong to nobody; values are upper case, as CIE sends them.
 */
public enum TestCitizen implements TestPerson {
    /** The classic example citizen, born in Rome. */
    MARIO_ROSSI("MARIO", "ROSSI", LocalDate.of(1980, 1, 1), "RSSMRA80A01H501U"),
    /** A citizen born in Milan. */
    BIANCA_VERDI("BIANCA", "VERDI", LocalDate.of(1992, 5, 17), "VRDBNC92E57F205E"),
    /** An older citizen born in Naples, the last day of a year. */
    GIUSEPPE_ESPOSITO("GIUSEPPE", "ESPOSITO", LocalDate.of(1955, 12, 31), "SPSGPP55T31F839Q"),
    /** A citizen with two given names and an apostrophe in the surname, born in Turin. */
    ANNA_MARIA_D_ANGELO("ANNA MARIA", "D'ANGELO", LocalDate.of(2001, 9, 9), "DNGNMR01P49L219V");

    private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String name;
    private final String familyName;
    private final LocalDate dateOfBirth;
    private final String fiscalCode;

    TestCitizen(String name, String familyName, LocalDate dateOfBirth, String fiscalCode) {
        this.name = name;
        this.familyName = familyName;
        this.dateOfBirth = dateOfBirth;
        this.fiscalCode = fiscalCode;
    }

    /** @return the given name(s), the {@code name} attribute */
    public String givenName() {
        return name;
    }

    /** @return the surname, the {@code familyName} attribute */
    public String familyName() {
        return familyName;
    }

    /** @return the date of birth; the {@code dateOfBirth} attribute is its ISO form YYYY-MM-DD */
    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    /** @return the fiscal code; the {@code fiscalNumber} attribute is {@code TINIT-} followed by it */
    public String fiscalCode() {
        return fiscalCode;
    }

    @Override
    public String description() {
        return name + " " + familyName + ", codice fiscale " + fiscalCode + ", nato/a il " + dateOfBirth.format(ITALIAN_DATE);
    }

    /** @return the four attributes CIE releases: name, familyName, dateOfBirth, fiscalNumber */
    @Override
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("familyName", familyName);
        attributes.put("dateOfBirth", dateOfBirth.toString());
        attributes.put("fiscalNumber", "TINIT-" + fiscalCode);
        return attributes;
    }
}
