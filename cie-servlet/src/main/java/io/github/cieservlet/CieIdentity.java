package io.github.cieservlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The citizen authenticated with CIE, as asserted by the identity provider in a validated Response.
 *
 * <p>Immutable and serialisable, so it survives session replication. Inside a request that passed the
 * {@code CieAuthenticationFilter} it is available as the request attribute {@value #REQUEST_ATTRIBUTE}
 * (so JSP EL can write {@code ${cieIdentity.name}}), and in the HTTP session under
 * {@link #SESSION_ATTRIBUTE}; {@link #from(HttpServletRequest)} looks in both.
 */
public final class CieIdentity implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Name of the request attribute that holds the identity of the current citizen. */
    public static final String REQUEST_ATTRIBUTE = "cieIdentity";

    /** Name of the session attribute that holds the identity of the logged-in citizen. */
    public static final String SESSION_ATTRIBUTE = CieIdentity.class.getName();

    /** Prefix of the {@code fiscalNumber} attribute: the eIDAS country code of the Italian tax code. */
    public static final String FISCAL_NUMBER_PREFIX = "TINIT-";

    private final String name;
    private final String familyName;
    private final LocalDate dateOfBirth;
    private final String fiscalNumber;
    private final CieLevel level;
    private final String nameId;
    private final String nameIdQualifier;
    private final String sessionIndex;
    private final Instant authnInstant;
    private final String idpEntityId;

    private CieIdentity(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.familyName = Objects.requireNonNull(builder.familyName, "familyName");
        this.dateOfBirth = Objects.requireNonNull(builder.dateOfBirth, "dateOfBirth");
        this.fiscalNumber = Objects.requireNonNull(builder.fiscalNumber, "fiscalNumber");
        if (!fiscalNumber.startsWith(FISCAL_NUMBER_PREFIX) || fiscalNumber.length() == FISCAL_NUMBER_PREFIX.length()) {
            throw new IllegalArgumentException("fiscalNumber must be TINIT- followed by the fiscal code");
        }
        this.level = Objects.requireNonNull(builder.level, "level");
        this.nameId = Objects.requireNonNull(builder.nameId, "nameId");
        this.nameIdQualifier = Objects.requireNonNull(builder.nameIdQualifier, "nameIdQualifier");
        this.sessionIndex = builder.sessionIndex;
        this.authnInstant = Objects.requireNonNull(builder.authnInstant, "authnInstant");
        this.idpEntityId = Objects.requireNonNull(builder.idpEntityId, "idpEntityId");
    }

    /** @return a builder for an identity; every field but the session index is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The identity of the citizen of this request: the request attribute if a filter set it, otherwise
     * the session attribute of an existing session. Never creates a session.
     *
     * @param request the current request
     * @return the identity, or {@code null} when nobody is logged in with CIE
     */
    public static CieIdentity from(HttpServletRequest request) {
        Object fromRequest = request.getAttribute(REQUEST_ATTRIBUTE);
        if (fromRequest instanceof CieIdentity) {
            return (CieIdentity) fromRequest;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object fromSession = session.getAttribute(SESSION_ATTRIBUTE);
        return fromSession instanceof CieIdentity ? (CieIdentity) fromSession : null;
    }

    /** @return the given name ({@code name} attribute) */
    public String getName() {
        return name;
    }

    /** @return the surname ({@code familyName} attribute) */
    public String getFamilyName() {
        return familyName;
    }

    /** @return the date of birth ({@code dateOfBirth} attribute) */
    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    /** @return the {@code fiscalNumber} attribute as sent, e.g. {@code TINIT-RSSBNC80A41H501X} */
    public String getFiscalNumber() {
        return fiscalNumber;
    }

    /** @return the Italian fiscal code without the {@code TINIT-} prefix; this is also the remote user */
    public String getFiscalCode() {
        return fiscalNumber.substring(FISCAL_NUMBER_PREFIX.length());
    }

    /** @return the level the identity provider asserted */
    public CieLevel getLevel() {
        return level;
    }

    /** @return the transient NameID of the assertion (needed for a SAML LogoutRequest) */
    public String getNameId() {
        return nameId;
    }

    /** @return the NameQualifier of the NameID: the identity provider's entity ID */
    public String getNameIdQualifier() {
        return nameIdQualifier;
    }

    /** @return the SessionIndex of the AuthnStatement, or {@code null} if the IdP sent none */
    public String getSessionIndex() {
        return sessionIndex;
    }

    /** @return when the identity provider authenticated the citizen ({@code AuthnInstant}) */
    public Instant getAuthnInstant() {
        return authnInstant;
    }

    /** @return the entity ID of the identity provider that asserted this identity */
    public String getIdpEntityId() {
        return idpEntityId;
    }

    /** The fiscal code only: personal data stays out of logs that print objects. */
    @Override
    public String toString() {
        return "CieIdentity[" + getFiscalCode().charAt(0) + "***, level=" + level + "]";
    }

    /** Collects the fields of a {@link CieIdentity}. */
    public static final class Builder {
        private String name;
        private String familyName;
        private LocalDate dateOfBirth;
        private String fiscalNumber;
        private CieLevel level;
        private String nameId;
        private String nameIdQualifier;
        private String sessionIndex;
        private Instant authnInstant;
        private String idpEntityId;

        private Builder() {
        }

        /** @param value given name @return this builder */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @param value surname @return this builder */
        public Builder familyName(String value) {
            this.familyName = value;
            return this;
        }

        /** @param value date of birth @return this builder */
        public Builder dateOfBirth(LocalDate value) {
            this.dateOfBirth = value;
            return this;
        }

        /** @param value {@code TINIT-} fiscal number @return this builder */
        public Builder fiscalNumber(String value) {
            this.fiscalNumber = value;
            return this;
        }

        /** @param value asserted level @return this builder */
        public Builder level(CieLevel value) {
            this.level = value;
            return this;
        }

        /** @param value transient NameID @return this builder */
        public Builder nameId(String value) {
            this.nameId = value;
            return this;
        }

        /** @param value NameQualifier of the NameID @return this builder */
        public Builder nameIdQualifier(String value) {
            this.nameIdQualifier = value;
            return this;
        }

        /** @param value SessionIndex, may be null @return this builder */
        public Builder sessionIndex(String value) {
            this.sessionIndex = value;
            return this;
        }

        /** @param value AuthnInstant @return this builder */
        public Builder authnInstant(Instant value) {
            this.authnInstant = value;
            return this;
        }

        /** @param value identity provider entity ID @return this builder */
        public Builder idpEntityId(String value) {
            this.idpEntityId = value;
            return this;
        }

        /** @return the identity @throws NullPointerException if a required field is missing */
        public CieIdentity build() {
            return new CieIdentity(this);
        }
    }
}
