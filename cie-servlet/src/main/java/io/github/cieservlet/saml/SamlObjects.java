package io.github.cieservlet.saml;

import javax.xml.namespace.QName;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;

/** Builds empty OpenSAML objects, and the service provider's {@code <saml:Issuer>}. */
final class SamlObjects {

    private SamlObjects() {
    }

    /**
     * @param name the element name, usually the type's {@code DEFAULT_ELEMENT_NAME}
     * @param <T> the OpenSAML type registered for that element
     * @return a new, empty object
     */
    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName name) {
        OpenSamlBootstrap.initialize();
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
    }

    /**
     * @param entityId the service provider's entity ID
     * @return {@code <saml:Issuer Format="...:entity" NameQualifier="entityId">entityId</saml:Issuer>}, the
     *     value without surrounding white space
     */
    static Issuer entityIssuer(String entityId) {
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setFormat(NameIDType.ENTITY);
        issuer.setNameQualifier(entityId.trim());
        issuer.setValue(entityId.trim());
        return issuer;
    }
}
