package io.github.cieservlet.testidp.response;

import java.util.Map;

/**
 * Someone a developer can log in as at a test IdP: the choice page lists them, the Response carries their
 * attributes. Implemented by enums, whose constant name is the value of the choice form's {@code citizen} field.
 */
public interface TestPerson {

    /** @return the enum constant name, the form value that picks this person */
    String name();

    /** @return a one-line description for the choice page, plain text */
    String description();

    /**
     * @return the attributes this person has, by SPID attribute Name ({@code name}, {@code fiscalNumber},
     *     {@code dateOfBirth} as YYYY-MM-DD ...), in the SPID formats; an attribute the person lacks is absent
     */
    Map<String, String> attributes();
}
