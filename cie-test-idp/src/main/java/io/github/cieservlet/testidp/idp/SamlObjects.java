package io.github.cieservlet.testidp.idp;

import io.github.cieservlet.saml.OpenSamlBootstrap;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.xml.namespace.QName;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;

/** Builds empty OpenSAML objects and fresh random identifiers. */
public final class SamlObjects {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SamlObjects() {
    }

    /**
     * @param elementName the element to build, e.g. {@code Response.DEFAULT_ELEMENT_NAME}
     * @param type the OpenSAML interface of that element
     * @param <T> that interface
     * @return a new empty object
     */
    public static <T extends XMLObject> T build(QName elementName, Class<T> type) {
        OpenSamlBootstrap.initialize();
        return type.cast(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(elementName)
                .buildObject(elementName));
    }

    /**
     * @param elementName the element to build
     * @param schemaType its {@code xsi:type}
     * @param type the OpenSAML interface of that type
     * @param <T> that interface
     * @return a new empty object carrying the {@code xsi:type}
     */
    public static <T extends XMLObject> T build(QName elementName, QName schemaType, Class<T> type) {
        OpenSamlBootstrap.initialize();
        return type.cast(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(schemaType)
                .buildObject(elementName, schemaType));
    }

    /** @return a new unguessable identifier that is a valid xs:ID: '_' and 32 hex digits */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }
}
