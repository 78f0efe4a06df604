package io.github.cieservlet.saml;

import javax.xml.namespace.QName;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;

/** Builds empty OpenSAML objects (OpenSAML initialised first), and an entity's {@code <saml:Issuer>}. */
public final class SamlObjects {

    private SamlObjects() {
    }

    /**
     * @param elementName the element to build, usually the type's {@code DEFAULT_ELEMENT_NAME}
     * @param type the OpenSAML interface registered for that element
     * @param <T> that interface
     * @return a new, empty object
     */
    public static <T extends XMLObject> T build(QName elementName, Class<T> type) {
        OpenSamlBootstrap.initialize();
        return type.cast(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(elementName)
                .buildObject(elementName));
    }

    /**
     * @param elementName the element to build, e.g. {@code AttributeValue.DEFAULT_ELEMENT_NAME}
     * @param schemaType its {@code xsi:type}, e.g. {@code XSString.TYPE_NAME}
     * @param type the OpenSAML interface registered for that schema type
     * @param <T> that interface
     * @return a new, empty object carrying the {@code xsi:type}
     */
    public static <T extends XMLObject> T build(QName elementName, QName schemaType, Class<T> type) {
        OpenSamlBootstrap.initialize();
        return type.cast(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(schemaType)
                .buildObject(elementName, schemaType));
    }

    /**
     * @param entityId an entity ID
     * @return {@code <saml:Issuer Format="...:entity" NameQualifier="entityId">entityId</saml:Issuer>}, the
     *     value without surrounding white space
     */
    public static Issuer entityIssuer(String entityId) {
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME, Issuer.class);
        issuer.setFormat(NameIDType.ENTITY);
        issuer.setNameQualifier(entityId.trim());
        issuer.setValue(entityId.trim());
        return issuer;
    }
}
