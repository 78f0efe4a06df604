package io.github.cieservlet.testidp.idp;

import io.github.cieservlet.config.Environment;
import io.github.cieservlet.config.RequestBinding;
import java.util.Objects;

/**
 * Where the test identity provider lives: fixed paths under {@value #BASE_PATH} of the web application, and
 * the absolute URLs built from the configured public base URL (never from the request).
 *
 * <p>Like the Ministry's IdP, whose entity ID is its HTTP-POST SSO URL, the entity ID here is
 * {@code <base>/profile/SAML2/POST/SSO}.
 */
public final class IdpEndpoints {

    /** Path of the test IdP under the web application. */
    public static final String BASE_PATH = "/cie-test-idp";
    /** Path of the metadata, the one the service provider reads for {@code cie.environment=local}. */
    public static final String METADATA_PATH = Environment.LOCAL_IDP_METADATA_PATH;
    /** Path of the HTTP-POST SingleSignOnService. */
    public static final String SSO_POST_PATH = BASE_PATH + "/profile/SAML2/POST/SSO";
    /** Path of the HTTP-Redirect SingleSignOnService. */
    public static final String SSO_REDIRECT_PATH = BASE_PATH + "/profile/SAML2/Redirect/SSO";
    /** Path of the HTTP-Redirect SingleLogoutService (a plain "logged out" page, as at the real IdP). */
    public static final String SLO_REDIRECT_PATH = BASE_PATH + "/profile/SAML2/Redirect/SLO";
    /** Path where the developer's choice of citizen and outcome is posted. */
    public static final String CONTINUE_PATH = BASE_PATH + "/profile/SAML2/continue";

    private final String publicBaseUrl;

    /** @param publicBaseUrl the application's public base URL, without trailing slash */
    public IdpEndpoints(String publicBaseUrl) {
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    }

    /** @return the entity ID: the HTTP-POST SSO URL */
    public String entityId() {
        return url(SSO_POST_PATH);
    }

    /**
     * @param binding a request binding
     * @return the SSO URL for that binding, which an AuthnRequest's Destination must equal
     */
    public String ssoUrl(RequestBinding binding) {
        return url(binding == RequestBinding.POST ? SSO_POST_PATH : SSO_REDIRECT_PATH);
    }

    /** @return the URL of the metadata */
    public String metadataUrl() {
        return url(METADATA_PATH);
    }

    /** @return the URL of the logout page */
    public String sloRedirectUrl() {
        return url(SLO_REDIRECT_PATH);
    }

    /** @return the URL the citizen-choice form posts to */
    public String continueUrl() {
        return url(CONTINUE_PATH);
    }

    /**
     * @param binding a request binding
     * @return its short name as SAML writes it: {@code HTTP-POST} or {@code HTTP-Redirect}
     */
    public static String bindingName(RequestBinding binding) {
        return binding.uri().substring(binding.uri().lastIndexOf(':') + 1);
    }

    private String url(String path) {
        return publicBaseUrl + path;
    }
}
