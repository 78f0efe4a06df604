package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.testing.TestSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameIDType;
import org.w3c.dom.Element;

class AuthnRequestFactoryTest {

    private static final String POST_SSO = "https://preproduzione.idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO";
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private final AuthnRequestFactory factory = new AuthnRequestFactory(TestSettings.settings());

    @Test
    void requestCarriesTheCieAttributes() {
        AuthnRequest request = factory.create("_abc", NOW, POST_SSO);
        assertThat(request.getID()).isEqualTo("_abc");
        assertThat(request.getVersion()).isEqualTo(SAMLVersion.VERSION_20);
        assertThat(request.getDestination()).isEqualTo(POST_SSO);
        assertThat(request.isForceAuthn()).isTrue();
        assertThat(request.isPassiveXSBoolean()).isNull();
        assertThat(request.getAssertionConsumerServiceIndex()).isZero();
        assertThat(request.getAttributeConsumingServiceIndex()).isZero();
        assertThat(request.getAssertionConsumerServiceURL()).isNull();
        assertThat(request.getProtocolBinding()).isNull();
        assertThat(request.getSignature()).isNull();
    }

    @Test
    void issuerIsTheEntityIdInEntityFormatWithNameQualifier() {
        AuthnRequest request = factory.create("_abc", NOW, POST_SSO);
        assertThat(request.getIssuer().getValue()).isEqualTo(TestSettings.ENTITY_ID);
        assertThat(request.getIssuer().getFormat()).isEqualTo(NameIDType.ENTITY);
        assertThat(request.getIssuer().getNameQualifier()).isEqualTo(TestSettings.ENTITY_ID);
    }

    @Test
    void issuerNeverCarriesWhiteSpace() {
        AuthnRequest request = new AuthnRequestFactory(TestSettings.builder().entityId(" " + TestSettings.ENTITY_ID + "\n")
                .build()).create("_abc", NOW, POST_SSO);
        assertThat(request.getIssuer().getValue()).isEqualTo(TestSettings.ENTITY_ID);
        assertThat(request.getIssuer().getNameQualifier()).isEqualTo(TestSettings.ENTITY_ID);
    }

    @Test
    void nameIdPolicyIsTransientWithoutAllowCreate() {
        AuthnRequest request = factory.create("_abc", NOW, POST_SSO);
        assertThat(request.getNameIDPolicy().getFormat()).isEqualTo(NameIDType.TRANSIENT);
        assertThat(request.getNameIDPolicy().getAllowCreateXSBoolean()).isNull();
        Element policy = (Element) SecureXml.marshall(request)
                .getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:protocol", "NameIDPolicy").item(0);
        assertThat(policy.hasAttribute("AllowCreate")).isFalse();
        assertThat(policy.hasAttribute("SPNameQualifier")).isFalse();
    }

    @Test
    void requestedAuthnContextHasTheConfiguredLevelAndComparison() {
        AuthnRequest minimumL2 = new AuthnRequestFactory(TestSettings.builder().level(CieLevel.L2)
                .comparison(LevelComparison.MINIMUM).build()).create("_a", NOW, POST_SSO);
        assertThat(minimumL2.getRequestedAuthnContext().getComparison())
                .isEqualTo(AuthnContextComparisonTypeEnumeration.MINIMUM);
        assertThat(minimumL2.getRequestedAuthnContext().getAuthnContextClassRefs()).singleElement()
                .satisfies(ref -> assertThat(ref.getURI()).isEqualTo("https://www.spid.gov.it/SpidL2"));

        AuthnRequest exactL3 = new AuthnRequestFactory(TestSettings.builder().level(CieLevel.L3)
                .comparison(LevelComparison.EXACT).build()).create("_b", NOW, POST_SSO);
        assertThat(exactL3.getRequestedAuthnContext().getComparison())
                .isEqualTo(AuthnContextComparisonTypeEnumeration.EXACT);
        assertThat(exactL3.getRequestedAuthnContext().getAuthnContextClassRefs()).singleElement()
                .satisfies(ref -> assertThat(ref.getURI()).isEqualTo("https://www.spid.gov.it/SpidL3"));
    }

    @Test
    void xmlHasOnlyTheAllowedAttributesAndChildren() {
        Element root = SecureXml.marshall(factory.create("_abc", NOW, POST_SSO));
        assertThat(root.getAttribute("IssueInstant")).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(root.getAttribute("ForceAuthn")).isEqualTo("true");
        for (String forbidden : new String[] {"IsPassive", "AssertionConsumerServiceURL", "ProtocolBinding", "ProviderName"}) {
            assertThat(root.hasAttribute(forbidden)).as(forbidden).isFalse();
        }
        StringBuilder children = new StringBuilder();
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                children.append(n.getLocalName()).append(' ');
            }
        }
        assertThat(children.toString().trim()).isEqualTo("Issuer NameIDPolicy RequestedAuthnContext");
        Element issuer = (Element) root.getFirstChild();
        assertThat(issuer.getTextContent()).isEqualTo(TestSettings.ENTITY_ID);
    }
}
