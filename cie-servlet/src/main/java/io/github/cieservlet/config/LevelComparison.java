package io.github.cieservlet.config;

/** The {@code Comparison} of the RequestedAuthnContext; CIE accepts only these two. */
public enum LevelComparison {
    /** The identity provider must authenticate at exactly the requested level (allowed with L3 only). */
    EXACT("exact"),
    /** The identity provider may authenticate at the requested level or higher. */
    MINIMUM("minimum");

    private final String wireValue;

    LevelComparison(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the value of the {@code Comparison} attribute */
    public String wireValue() {
        return wireValue;
    }
}
