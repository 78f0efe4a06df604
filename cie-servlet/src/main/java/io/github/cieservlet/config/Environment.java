package io.github.cieservlet.config;

/**
 * The CIE federation environment, which decides the default identity provider metadata.
 */
public enum Environment {
    /** The Ministry's production identity provider. */
    PRODUCTION("https://idserver.servizicie.interno.gov.it/idp/shibboleth?Metadata"),
    /** The Ministry's pre-production ("collaudo") identity provider, for the mandatory tests. */
    PREPRODUCTION("https://preproduzione.idserver.servizicie.interno.gov.it/idp/shibboleth?Metadata"),
    /**
     * The bundled test IdP (module cie-test-idp) inside this same web application, for development on this
     * machine only: its metadata is at {@value #LOCAL_IDP_METADATA_PATH} under the public base URL.
     */
    LOCAL(null);

    /** Path of the bundled test IdP's metadata under the application's public base URL. */
    public static final String LOCAL_IDP_METADATA_PATH = "/cie-test-idp/metadata";

    private final String defaultMetadataUrl;

    Environment(String defaultMetadataUrl) {
        this.defaultMetadataUrl = defaultMetadataUrl;
    }

    /**
     * @param publicBaseUrl the application's public base URL, without trailing slash
     * @return where this environment's identity provider publishes its metadata
     */
    public String defaultMetadataLocation(String publicBaseUrl) {
        return defaultMetadataUrl != null ? defaultMetadataUrl : publicBaseUrl + LOCAL_IDP_METADATA_PATH;
    }
}
