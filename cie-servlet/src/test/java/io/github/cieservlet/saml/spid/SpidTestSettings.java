package io.github.cieservlet.saml.spid;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.EidasAttributeSet;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.config.SpContact;
import io.github.cieservlet.config.SpidBilling;
import io.github.cieservlet.config.SpidIdpSource;
import io.github.cieservlet.config.SpidSettings;
import io.github.cieservlet.config.SubjectType;
import io.github.cieservlet.testing.TestSettings;
import java.util.EnumSet;
import java.util.List;

/** Settings of a service provider offering SPID (and eIDAS), public or private, for the SPID metadata tests. */
public final class SpidTestSettings {

    /** The SPID attributes asked for in these settings. */
    public static final List<String> ATTRIBUTES = List.of("spidCode", "name", "familyName", "fiscalNumber", "email");

    private SpidTestSettings() {
    }

    /**
     * @param schemes the schemes enabled
     * @return the SPID settings with {@link #ATTRIBUTES} and the production FICEP
     */
    public static SpidSettings spid(LoginScheme... schemes) {
        EnumSet<LoginScheme> enabled = EnumSet.of(LoginScheme.CIE, schemes);
        return new SpidSettings(enabled, SpidIdpSource.registry(), CieLevel.L2, ATTRIBUTES,
                enabled.contains(LoginScheme.EIDAS) ? ResourceLocation.parse("https://sp-proxy.eid.gov.it/spproxy/idpitmetadata")
                        : null, EidasAttributeSet.MINIMUM);
    }

    /**
     * @param schemes the schemes enabled besides CIE
     * @return the public test subject of {@link TestSettings} offering them
     */
    public static CieSettings publicSubject(LoginScheme... schemes) {
        return TestSettings.builder().spid(spid(schemes)).build();
    }

    /** @return a private subject offering SPID and eIDAS, with its billing contact */
    public static CieSettings privateSubject() {
        return privateSubjectBuilder().spidBilling(new SpidBilling("fatture@azienda.example.it", "+390612345678",
                "Via Roma", "1", "00100", "Roma", "RM", "IT")).build();
    }

    /** @return a private subject offering SPID and eIDAS, without billing contact */
    public static CieSettings.Builder privateSubjectBuilder() {
        return TestSettings.builder().spid(spid(LoginScheme.SPID, LoginScheme.EIDAS))
                .contact(new SpContact(SubjectType.PRIVATE, null, null, "IT12345678901", "12345678901", "62.01.00",
                        "H501", null, null, "info@azienda.example.it", null));
    }
}
