package io.github.cieservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheme names of web.xml and login URLs, and the login paths {@link CieUrls} gives the buttons. */
class LoginSchemeUrlsTest {

    private static final SpidIdentityProvider TEST_IDP =
            new SpidIdentityProvider("https://idp.example/spid?x=1", "Example ID", null);

    @Test
    void schemeNamesAreReadCaseInsensitivelyAndTrimmed() {
        assertEquals(Optional.of(LoginScheme.SPID), LoginScheme.fromId(" SPID "));
        assertEquals(Optional.of(LoginScheme.EIDAS), LoginScheme.fromId("eidas"));
        assertEquals(Optional.of(LoginScheme.CIE), LoginScheme.fromId("Cie"));
        assertEquals(Optional.empty(), LoginScheme.fromId("spidd"));
        assertEquals(Optional.empty(), LoginScheme.fromId(null));
        assertEquals("eidas", LoginScheme.EIDAS.id());
    }

    @Test
    void aCieOnlyApplicationKeepsItsLoginPath() {
        CieUrls urls = new CieUrls("/cie");
        assertEquals(EnumSet.of(LoginScheme.CIE), urls.schemes());
        assertTrue(urls.spidIdentityProviders().isEmpty());
        assertEquals("/cie/login?target=%2Farea", urls.loginPath(LoginScheme.CIE, "ignored", "/area"));
        assertEquals(urls.loginPath("/area"), urls.loginPath(LoginScheme.CIE, null, "/area"));
    }

    @Test
    void spidAndEidasLoginPathsNameTheSchemeAndTheChosenIdentityProvider() {
        CieUrls urls = new CieUrls("/cie", EnumSet.allOf(LoginScheme.class), List.of(TEST_IDP));
        assertEquals("/cie/login?target=%2Farea&scheme=spid&idp=https%3A%2F%2Fidp.example%2Fspid%3Fx%3D1",
                urls.loginPath(LoginScheme.SPID, TEST_IDP.entityId(), "/area"));
        assertEquals("/cie/login?target=%2F&scheme=eidas", urls.loginPath(LoginScheme.EIDAS, "ignored", null));
        assertEquals("/cie/metadata/spid", urls.spidMetadataPath());
        assertEquals(List.of(TEST_IDP), urls.spidIdentityProviders());
        assertThrows(UnsupportedOperationException.class, () -> urls.schemes().add(LoginScheme.CIE));
    }

    @Test
    void identityProvidersAreTheSameByEntityId() {
        SpidIdentityProvider renamed = new SpidIdentityProvider(TEST_IDP.entityId(), "Other name", "/logo.svg");
        assertEquals(TEST_IDP, renamed);
        assertEquals(TEST_IDP.hashCode(), renamed.hashCode());
        assertEquals("/logo.svg", renamed.logoUri());
        assertEquals("Example ID (https://idp.example/spid?x=1)", TEST_IDP.toString());
        assertEquals("Example ID", TEST_IDP.displayName());
    }
}
