package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.IDP_ENTITY_ID;
import static io.github.cieservlet.saml.validation.TestResponses.REQUEST_EXPIRY;
import static io.github.cieservlet.saml.validation.TestResponses.REQUEST_ID;
import static io.github.cieservlet.saml.validation.TestResponses.REQUEST_INSTANT;
import static io.github.cieservlet.saml.validation.TestResponses.issuer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.EidasAttributeSet;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.config.SpidIdpSource;
import io.github.cieservlet.config.SpidSettings;
import io.github.cieservlet.saml.AuthnRequestFactory;
import io.github.cieservlet.saml.IdpMetadataProvider;
import io.github.cieservlet.saml.IdpMetadataXml;
import io.github.cieservlet.saml.spid.LoginRoute;
import io.github.cieservlet.saml.spid.LoginRoutes;
import io.github.cieservlet.saml.spid.SpidIdpList;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;

/**
 * {@link LoginRoutes} and {@link SpidIdpList}: a login link goes to an enabled scheme and a listed identity
 * provider only; the SPID AuthnRequest follows the SPID rules; the answer is validated with the key of the
 * identity provider the login went to, and no other. (It lives in this package to build signed Responses with
 * {@link TestResponses}.)
 */
class LoginRoutesTest {

    private static final String IDP_B = "https://idp-b.example.it";
    private static final String FICEP = "https://ficep.example.eu";
    private static final List<String> ASKED = List.of("name", "familyName", "fiscalNumber", "dateOfBirth");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(TestResponses.NOW, ZoneOffset.UTC);

    private ResourceLocation file(String name, String xml) throws Exception {
        Path path = dir.resolve(name);
        Files.write(path, xml.getBytes(StandardCharsets.UTF_8));
        return ResourceLocation.parse("file:" + path);
    }

    /** SPID: an aggregate of two IdPs, the test IdP's key for the first and another key for IDP_B. */
    private ResourceLocation spidAggregate() throws Exception {
        return file("spid.xml", "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + IdpMetadataXml.entityDescriptor(IDP_ENTITY_ID, TestCredentials.idp().certificate(),
                        TestCredentials.sp().certificate())
                + IdpMetadataXml.entityDescriptor(IDP_B, TestCredentials.attacker().certificate(),
                        TestCredentials.sp().certificate())
                + "</md:EntitiesDescriptor>");
    }

    private Function<ResourceLocation, IdpMetadataProvider> onDemand() {
        return location -> new IdpMetadataProvider(location, Duration.ofHours(1), getClass().getClassLoader(), clock);
    }

    private LoginRoutes routes(Set<LoginScheme> schemes, CieLevel level) throws Exception {
        ResourceLocation ficep = file("ficep.xml", IdpMetadataXml.entityDescriptor(FICEP,
                TestCredentials.idp().certificate(), TestCredentials.sp().certificate()));
        SpidSettings spid = new SpidSettings(schemes, SpidIdpSource.locations(List.of(spidAggregate())), level, ASKED,
                ficep, EidasAttributeSet.MINIMUM);
        CieSettings settings = TestSettings.builder().spid(spid).build();
        IdpMetadataProvider cie = onDemand().apply(file("cie.xml", IdpMetadataXml.document(
                TestCredentials.idp().certificate(), TestCredentials.sp().certificate())));
        SpidIdpList idps = schemes.contains(LoginScheme.SPID) ? SpidIdpList.load(spid.spidIdps(), TestSettings.BASE_URL,
                onDemand(), getClass().getClassLoader(), clock) : null;
        IdpMetadataProvider ficepProvider = schemes.contains(LoginScheme.EIDAS) ? onDemand().apply(ficep) : null;
        return new LoginRoutes(settings, cie, new AuthnRequestFactory(settings), TestResponses.validator(), idps,
                ficepProvider);
    }

    private LoginRoutes all() throws Exception {
        return routes(EnumSet.allOf(LoginScheme.class), CieLevel.L2);
    }

    private static CieError refusal(ThrowingRoute route) {
        try {
            route.run();
        } catch (CieAuthenticationException e) {
            return e.error();
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
        throw new AssertionError("not refused");
    }

    @FunctionalInterface
    private interface ThrowingRoute {
        void run() throws Exception;
    }

    @Test
    void aLinkWithoutSchemeIsACieLoginAsBefore() throws Exception {
        LoginRoute route = all().route(null, null);
        assertThat(route.scheme()).isEqualTo(LoginScheme.CIE);
        assertThat(route.idp().entityId()).isEqualTo(IdpMetadataXml.ENTITY_ID);
        assertThat(route.recordedIdpEntityId()).isNull();
        assertThat(route.level()).isEqualTo(CieLevel.L3);
        assertThat(route.comparison()).isEqualTo(LevelComparison.MINIMUM);
        assertThat(route.attributeConsumingServiceIndex()).isZero();
        assertThat(all().route("cie", "ignored").scheme()).isEqualTo(LoginScheme.CIE);
    }

    @Test
    void aSpidLinkGoesToTheChosenListedIdentityProvider() throws Exception {
        LoginRoute route = all().route("spid", IDP_B);
        assertThat(route.scheme()).isEqualTo(LoginScheme.SPID);
        assertThat(route.idp().entityId()).isEqualTo(IDP_B);
        assertThat(route.idp().signingCertificates()).containsExactly(TestCredentials.attacker().certificate());
        assertThat(route.recordedIdpEntityId()).isEqualTo(IDP_B);
        assertThat(route.level()).isEqualTo(CieLevel.L2);
        assertThat(route.comparison()).isEqualTo(LevelComparison.MINIMUM);
        assertThat(route.attributeConsumingServiceIndex()).isZero();
    }

    @Test
    void anEidasLinkGoesToFicepWithTheIndexOfTheSet() throws Exception {
        LoginRoute route = all().route("eidas", null);
        assertThat(route.scheme()).isEqualTo(LoginScheme.EIDAS);
        assertThat(route.idp().entityId()).isEqualTo(FICEP);
        assertThat(route.recordedIdpEntityId()).isEqualTo(FICEP);
        assertThat(route.attributeConsumingServiceIndex()).isEqualTo(99);
    }

    @Test
    void unknownOrDisabledSchemesAndUnlistedIdpsAreRefused() throws Exception {
        LoginRoutes all = all();
        assertThat(refusal(() -> all.route("spidd", IDP_B))).isEqualTo(CieError.UNKNOWN_SCHEME);
        assertThat(refusal(() -> all.route("spid", null))).isEqualTo(CieError.UNKNOWN_IDENTITY_PROVIDER);
        assertThat(refusal(() -> all.route("spid", "https://evil.example/idp"))).isEqualTo(CieError.UNKNOWN_IDENTITY_PROVIDER);
        LoginRoutes cieOnly = routes(EnumSet.of(LoginScheme.CIE), CieLevel.L2);
        assertThat(refusal(() -> cieOnly.route("spid", IDP_B))).isEqualTo(CieError.UNKNOWN_SCHEME);
        assertThat(refusal(() -> cieOnly.route("eidas", null))).isEqualTo(CieError.UNKNOWN_SCHEME);
        assertThat(cieOnly.spidIdentityProviders()).isEmpty();
        assertThat(cieOnly.schemes()).containsExactly(LoginScheme.CIE);
        LoginRoutes spidOnly = routes(EnumSet.of(LoginScheme.SPID), CieLevel.L2);
        assertThat(refusal(() -> spidOnly.route(null, null))).isEqualTo(CieError.UNKNOWN_SCHEME);
    }

    @Test
    void theButtonListsEveryIdentityProviderOfTheMetadata() throws Exception {
        assertThat(all().spidIdentityProviders()).extracting(SpidIdentityProvider::entityId)
                .containsExactly(IDP_ENTITY_ID, IDP_B);
    }

    private static PendingRequest pending(LoginScheme scheme, CieLevel level, String idp, int index) {
        return new PendingRequest(REQUEST_ID, REQUEST_INSTANT, level, LevelComparison.MINIMUM, "/area",
                "https://idp.example/sso", RequestBinding.POST, REQUEST_EXPIRY, scheme, idp, index);
    }

    @Test
    void theSpidAuthnRequestFollowsTheSpidRules() throws Exception {
        AuthnRequest l2 = all().authnRequest(pending(LoginScheme.SPID, CieLevel.L2, IDP_B, 0));
        assertThat(l2.getID()).isEqualTo(REQUEST_ID);
        assertThat(l2.getIssueInstant()).isEqualTo(REQUEST_INSTANT);
        assertThat(l2.getDestination()).isEqualTo("https://idp.example/sso");
        assertThat(l2.isForceAuthn()).isTrue();
        assertThat(l2.isPassiveXSBoolean()).as("no IsPassive").isNull();
        assertThat(l2.getAssertionConsumerServiceIndex()).isZero();
        assertThat(l2.getAssertionConsumerServiceURL()).isNull();
        assertThat(l2.getAttributeConsumingServiceIndex()).isZero();
        assertThat(l2.getIssuer().getValue()).isEqualTo(TestSettings.ENTITY_ID);
        assertThat(l2.getIssuer().getNameQualifier()).isEqualTo(TestSettings.ENTITY_ID);
        assertThat(l2.getIssuer().getFormat()).isEqualTo(NameIDType.ENTITY);
        assertThat(l2.getNameIDPolicy().getFormat()).isEqualTo(NameIDType.TRANSIENT);
        assertThat(l2.getNameIDPolicy().getAllowCreateXSBoolean()).as("no AllowCreate").isNull();
        assertThat(l2.getRequestedAuthnContext().getComparison()).isEqualTo(AuthnContextComparisonTypeEnumeration.MINIMUM);
        assertThat(l2.getRequestedAuthnContext().getAuthnContextClassRefs()).singleElement()
                .satisfies(ref -> assertThat(ref.getURI()).isEqualTo(CieLevel.L2.uri()));
        assertThat(l2.getScoping()).isNull();

        AuthnRequest l1 = all().authnRequest(pending(LoginScheme.SPID, CieLevel.L1, IDP_B, 0));
        assertThat(l1.isForceAuthnXSBoolean()).as("no ForceAuthn for L1").isNull();
        assertThat(l1.getRequestedAuthnContext().getAuthnContextClassRefs().get(0).getURI()).isEqualTo(CieLevel.L1.uri());
        AuthnRequest l3 = all().authnRequest(pending(LoginScheme.SPID, CieLevel.L3, IDP_B, 0));
        assertThat(l3.isForceAuthn()).isTrue();

        AuthnRequest eidas = all().authnRequest(pending(LoginScheme.EIDAS, CieLevel.L2, FICEP, 100));
        assertThat(eidas.getAttributeConsumingServiceIndex()).isEqualTo(100);
    }

    @Test
    void theCieAuthnRequestIsTheCieFactorysOne() throws Exception {
        PendingRequest cie = new PendingRequest(REQUEST_ID, REQUEST_INSTANT, CieLevel.L3, LevelComparison.EXACT, "/area",
                "https://idp.example/sso", RequestBinding.POST, REQUEST_EXPIRY);
        AuthnRequest request = all().authnRequest(cie);
        assertThat(request.isForceAuthn()).isTrue();
        assertThat(request.getRequestedAuthnContext().getComparison()).isEqualTo(AuthnContextComparisonTypeEnumeration.EXACT);
        assertThat(request.getAttributeConsumingServiceIndex()).isZero();
    }

    private static Response spidResponse() {
        return SpidResponseProfileTest.spidResponse().received();
    }

    @Test
    void theAnswerIsValidatedWithTheKeyOfTheIdentityProviderTheLoginWentToOnly() throws Exception {
        LoginRoutes routes = all();
        assertThat(routes.validate(spidResponse(), pending(LoginScheme.SPID, CieLevel.L2, IDP_ENTITY_ID, 0))
                .identity().getScheme()).isEqualTo(LoginScheme.SPID);
        // the same Response, signed by the test IdP's key, for a login that went to IdP B: B's key does not verify it
        assertThat(refusal(() -> routes.validate(spidResponse(), pending(LoginScheme.SPID, CieLevel.L2, IDP_B, 0))))
                .isIn(CieError.SIGNATURE_INVALID, CieError.INVALID_ISSUER);
        assertThat(refusal(() -> routes.validate(spidResponse(), pending(LoginScheme.SPID, CieLevel.L2,
                "https://gone.example", 0)))).isEqualTo(CieError.UNKNOWN_IDENTITY_PROVIDER);
    }

    @Test
    void theSpidProfileAppliesToSpidLoginsOnly() throws Exception {
        LoginRoutes routes = all();
        Response cieShaped = TestResponses.response().received();
        assertThat(refusal(() -> routes.validate(cieShaped, pending(LoginScheme.SPID, CieLevel.L2, IDP_ENTITY_ID, 0))))
                .isEqualTo(CieError.INVALID_ISSUER);
        assertThat(routes.validate(TestResponses.response().received(), new PendingRequest(REQUEST_ID, REQUEST_INSTANT,
                CieLevel.L3, LevelComparison.MINIMUM, "/area", "https://idp.example/sso", RequestBinding.POST,
                REQUEST_EXPIRY)).identity().getScheme()).isEqualTo(LoginScheme.CIE);
    }

    @Test
    void anEidasAnswerMustComeFromTheFicepOfTheLoginWithItsIndex() throws Exception {
        LoginRoutes routes = all();
        Response ficepSigned = SpidResponseProfileTest.spidResponse()
                .edit(r -> r.setIssuer(issuer(FICEP, null)))
                .editAssertion(a -> {
                    a.setIssuer(issuer(FICEP, NameIDType.ENTITY));
                    a.getSubject().getNameID().setNameQualifier(FICEP);
                    a.getAttributeStatements().get(0).getAttributes().add(TestResponses.attribute("spidCode", "eIDAS",
                            "DE/IT/42"));
                }).received();
        assertThat(routes.validate(ficepSigned, pending(LoginScheme.EIDAS, CieLevel.L2, FICEP, 99)).identity()
                .getScheme()).isEqualTo(LoginScheme.EIDAS);
        assertThat(refusal(() -> routes.validate(ficepSigned, pending(LoginScheme.EIDAS, CieLevel.L2, FICEP, 100))))
                .isEqualTo(CieError.UNKNOWN_REQUEST);
        assertThat(refusal(() -> routes.validate(ficepSigned, pending(LoginScheme.EIDAS, CieLevel.L2,
                "https://old-ficep.example", 99)))).isEqualTo(CieError.UNKNOWN_IDENTITY_PROVIDER);
        assertThat(refusal(() -> routes.validate(spidResponse(), pending(LoginScheme.SPID, CieLevel.L2, IDP_ENTITY_ID,
                99)))).isEqualTo(CieError.UNKNOWN_REQUEST);
    }

    @Test
    void aLoginOfASchemeDisabledSinceIsRefused() throws Exception {
        LoginRoutes cieOnly = routes(EnumSet.of(LoginScheme.CIE), CieLevel.L2);
        assertThat(refusal(() -> cieOnly.validate(spidResponse(), pending(LoginScheme.SPID, CieLevel.L2, IDP_ENTITY_ID, 0))))
                .isEqualTo(CieError.UNKNOWN_SCHEME);
    }

    @Test
    void theLocalTestIdpIsKnownByItsEntityIdAndLoadedOnFirstUse() throws Exception {
        ResourceLocation wrongEntity = file("local.xml", IdpMetadataXml.entityDescriptor("https://other.example",
                TestCredentials.idp().certificate(), TestCredentials.sp().certificate()));
        SpidIdpList local = SpidIdpList.load(SpidIdpSource.localTestIdp(TestSettings.BASE_URL),
                TestSettings.BASE_URL, location -> onDemand().apply(wrongEntity), getClass().getClassLoader(), clock);
        String entityId = TestSettings.BASE_URL + "/cie-test-idp/spid";
        assertThat(local.identityProviders()).extracting(SpidIdentityProvider::entityId).containsExactly(entityId);
        assertThat(refusal(() -> local.metadata(entityId))).isEqualTo(CieError.IDP_METADATA_UNAVAILABLE);
        ResourceLocation right = file("local2.xml", IdpMetadataXml.entityDescriptor(entityId,
                TestCredentials.idp().certificate(), TestCredentials.sp().certificate()));
        SpidIdpList good = SpidIdpList.load(SpidIdpSource.localTestIdp(TestSettings.BASE_URL),
                TestSettings.BASE_URL, location -> onDemand().apply(right), getClass().getClassLoader(), clock);
        assertThat(good.metadata(entityId).entityId()).isEqualTo(entityId);
    }

    @Test
    void unreadableMetadataStopsTheStartupNamingTheParam() throws Exception {
        ResourceLocation notMetadata = file("bad.xml", "<html/>");
        assertThatThrownBy(() -> SpidIdpList.load(SpidIdpSource.locations(List.of(notMetadata)), TestSettings.BASE_URL,
                onDemand(), getClass().getClassLoader(), clock)).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.spid.idpMetadata");
    }

    @Test
    void idpListAndSchemesMustAgree() throws Exception {
        CieSettings cieOnly = TestSettings.settings();
        IdpMetadataProvider cie = onDemand().apply(spidAggregate());
        assertThatThrownBy(() -> new LoginRoutes(cieOnly, cie, new AuthnRequestFactory(cieOnly), TestResponses.validator(),
                null, cie)).isInstanceOf(IllegalArgumentException.class);
        SpidIdpList idps = SpidIdpList.load(SpidIdpSource.locations(List.of(spidAggregate())), TestSettings.BASE_URL,
                onDemand(), getClass().getClassLoader(), clock);
        assertThatThrownBy(() -> new LoginRoutes(cieOnly, cie, new AuthnRequestFactory(cieOnly), TestResponses.validator(),
                idps, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
