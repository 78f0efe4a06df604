package io.github.cieservlet.testidp.idp;

import io.github.cieservlet.config.Environment;
import io.github.cieservlet.config.RequestBinding;
import java.util.Objects;

/**
 * Where a test identity provider lives: fixed paths under {@value #BASE_PATH} of the web application, and
 * the absolute URLs built from the configured public base URL (never from the request).
 *
 * <p>The CIE IdP, like the Ministry's, whose entity ID is its HTTP-POST SSO URL, has the entity ID
 * {@code <base>/profile/SAML2/POST/SSO}. The SPID and FICEP IdPs live under {@code <base>/spid} and
 * {@code <base>/ficep}, which are also their entity IDs, with {@code /metadata}, {@code /sso} (one URL for both
 * bindings, as many SPID IdPs have), {@code /slo} and {@code /continue} below.
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

    private final IdpScheme scheme;
    private final String publicBaseUrl;

    /** @param publicBaseUrl the application's public base URL, without trailing slash; the CIE IdP */
    public IdpEndpoints(String publicBaseUrl) {
        this(IdpScheme.CIE, publicBaseUrl);
    }

    /**
     * @param scheme which test IdP
     * @param publicBaseUrl the application's public base URL, without trailing slash
     */
    public IdpEndpoints(IdpScheme scheme, String publicBaseUrl) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    }

    /** @return which test IdP these are the endpoints of */
    public IdpScheme scheme() {
        return scheme;
    }

    /** @return the entity ID: for CIE the HTTP-POST SSO URL, for SPID and FICEP their base URL */
    public String entityId() {
        return scheme == IdpScheme.CIE ? url(SSO_POST_PATH) : url(schemeBasePath());
    }

    /**
     * @param binding a request binding
     * @return the SSO URL for that binding, which an AuthnRequest's Destination must equal
     */
    public String ssoUrl(RequestBinding binding) {
        return url(ssoPath(binding));
    }

    /**
     * @param binding a request binding
     * @return the path of the SSO endpoint for that binding, under the web application
     */
    public String ssoPath(RequestBinding binding) {
        if (scheme != IdpScheme.CIE) {
            return schemeBasePath() + "/sso";
        }
        return binding == RequestBinding.POST ? SSO_POST_PATH : SSO_REDIRECT_PATH;
    }

    /** @return the path of the metadata under the web application */
    public String metadataPath() {
        return scheme == IdpScheme.CIE ? METADATA_PATH : schemeBasePath() + "/metadata";
    }

    /** @return the path of the SingleLogoutService under the web application */
    public String sloPath() {
        return scheme == IdpScheme.CIE ? SLO_REDIRECT_PATH : schemeBasePath() + "/slo";
    }

    /** @return the path the citizen-choice form posts to, under the web application */
    public String continuePath() {
        return scheme == IdpScheme.CIE ? CONTINUE_PATH : schemeBasePath() + "/continue";
    }

    /** @return the URL of the metadata */
    public String metadataUrl() {
        return url(metadataPath());
    }

    /** @return the URL of the SingleLogoutService (for CIE, its logout page) */
    public String sloRedirectUrl() {
        return url(sloPath());
    }

    /** @return the URL the citizen-choice form posts to */
    public String continueUrl() {
        return url(continuePath());
    }

    /**
     * @param binding a request binding
     * @return its short name as SAML writes it: {@code HTTP-POST} or {@code HTTP-Redirect}
     */
    public static String bindingName(RequestBinding binding) {
        return binding.uri().substring(binding.uri().lastIndexOf(':') + 1);
    }

    private String schemeBasePath() {
        return BASE_PATH + "/" + scheme.segment();
    }

    private String url(String path) {
        return publicBaseUrl + path;
    }
}
