package io.github.cieservlet.testing;

import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.Environment;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.config.SpContact;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.config.SpOrganization;
import io.github.cieservlet.config.SubjectType;

/** Ready-made settings of a public-administration SP at {@value #BASE_URL}. */
public final class TestSettings {

    /** The SP's public base URL. */
    public static final String BASE_URL = "https://portale.comune.example.it/servizi";
    /** The SP's entity ID. */
    public static final String ENTITY_ID = "https://portale.comune.example.it/cie";
    /** The SP's ACS URL. */
    public static final String ACS_URL = BASE_URL + "/cie/acs";
    /** The IdP's entity ID (the Ministry's pre-production one). */
    public static final String IDP_ENTITY_ID = "https://preproduzione.idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO";

    private TestSettings() {
    }

    /** @return a builder filled with a valid public-subject configuration signed by {@link TestCredentials#sp()} */
    public static CieSettings.Builder builder() {
        return CieSettings.builder()
                .environment(Environment.PREPRODUCTION)
                .entityId(ENTITY_ID)
                .endpoints(new SpEndpoints(BASE_URL, "/cie"))
                .idpMetadataLocation(ResourceLocation.parse(Environment.PREPRODUCTION.defaultMetadataLocation(BASE_URL)))
                .credentials(TestCredentials.sp())
                .serviceName("Servizi online del Comune di Esempio")
                .organization(new SpOrganization("Comune di Esempio", "Comune di Esempio", "https://www.comune.example.it"))
                .contact(new SpContact(SubjectType.PUBLIC, "c_x999", null, null, null, null, "X999", "RM", "IT",
                        "protocollo@comune.example.it", "+39061234567"));
    }

    /** @return the settings of {@link #builder()} */
    public static CieSettings settings() {
        return builder().build();
    }
}
