package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.AuthnRequest;

class OpenSamlBootstrapTest {

    @Test
    void initializeAfterABackgroundStartLeavesOpenSamlReady() {
        OpenSamlBootstrap.initializeInBackground();
        OpenSamlBootstrap.initialize();

        assertThat(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(AuthnRequest.DEFAULT_ELEMENT_NAME))
                .isNotNull();
        assertThat(SecureXml.toXml(new AuthnRequestFactory(io.github.cieservlet.testing.TestSettings.settings())
                .create("_id", java.time.Instant.EPOCH, "https://idp.example.it/sso"))).contains("ID=\"_id\"");
    }
}
