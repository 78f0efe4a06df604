package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieError;
import io.github.cieservlet.store.PendingRequest;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One row of the conformance matrix: a Response case numbered like the SPID/CIE validators (spid-saml-check
 * and spid-sp-test, cases 1-113), and what the service provider must do with it.
 *
 * @param number the validators' case number
 * @param description what the case changes in an otherwise valid Response signed by the identity provider
 * @param xml the bytes the ACS receives; null when the case does not apply to CIE
 * @param pending the AuthnRequest this browser is waiting for; null when the case does not apply
 * @param expected the refusal, or null when the Response must be accepted
 * @param notApplicable why the case does not apply to CIE; null when it applies
 */
record ConformanceCase(int number, String description, Supplier<byte[]> xml, PendingRequest pending, CieError expected,
        String notApplicable) {

    ConformanceCase {
        Objects.requireNonNull(description, "description");
        if ((notApplicable == null) == (xml == null)) {
            throw new IllegalArgumentException("case " + number + ": either a Response or a reason it does not apply");
        }
    }

    /** @return whether the case applies to CIE and is run */
    boolean applies() {
        return notApplicable == null;
    }

    /** @return whether the Response must be accepted */
    boolean accepted() {
        return applies() && expected == null;
    }

    /** @return the expected outcome as the docs print it */
    String outcome() {
        if (!applies()) {
            return "not applicable";
        }
        return expected == null ? "accepted" : "refused";
    }

    @Override
    public String toString() {
        return String.format("%03d %s", number, description);
    }
}
