package io.github.cieservlet.saml.validation;

import java.time.LocalDate;
import java.util.Objects;

/** The four attributes of the eIDAS minimum dataset CIE releases, checked and parsed. Immutable. */
final class CitizenAttributes {

    private final String name;
    private final String familyName;
    private final LocalDate dateOfBirth;
    private final String fiscalNumber;

    /**
     * @param name the given name
     * @param familyName the surname
     * @param dateOfBirth the date of birth
     * @param fiscalNumber {@code TINIT-} and the fiscal code
     */
    CitizenAttributes(String name, String familyName, LocalDate dateOfBirth, String fiscalNumber) {
        this.name = Objects.requireNonNull(name, "name");
        this.familyName = Objects.requireNonNull(familyName, "familyName");
        this.dateOfBirth = Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        this.fiscalNumber = Objects.requireNonNull(fiscalNumber, "fiscalNumber");
    }

    /** @return the given name */
    String name() {
        return name;
    }

    /** @return the surname */
    String familyName() {
        return familyName;
    }

    /** @return the date of birth */
    LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    /** @return {@code TINIT-} and the fiscal code, in upper case */
    String fiscalNumber() {
        return fiscalNumber;
    }
}
