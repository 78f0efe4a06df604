package io.github.cieservlet.config;

import java.util.Objects;

/** The {@code <md:Organization>} of the SP metadata (Italian), also the Company of the contact. */
public final class SpOrganization {

    private final String name;
    private final String displayName;
    private final String url;

    /**
     * @param name full legal name, as in public registers
     * @param displayName short name shown to citizens
     * @param url institutional page
     */
    public SpOrganization(String name, String displayName, String url) {
        this.name = Objects.requireNonNull(name, "name");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.url = Objects.requireNonNull(url, "url");
    }

    /** @return the full legal name ({@code OrganizationName}) */
    public String name() {
        return name;
    }

    /** @return the short name ({@code OrganizationDisplayName}) */
    public String displayName() {
        return displayName;
    }

    /** @return the institutional page ({@code OrganizationURL}) */
    public String url() {
        return url;
    }
}
