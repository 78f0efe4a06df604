package io.github.cieservlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The citizen authenticated with CIE, SPID or eIDAS ({@link #getScheme()}), as asserted by the identity provider
 * in a validated Response: the attributes it released ({@link #getAttributes()}, by SPID name), the level, and
 * which identity provider it was ({@link #getIdpEntityId()}).
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

    /** Name of the SPID attribute with the identity provider's own code of the identity (also the eIDAS identifier). */
    public static final String SPID_CODE = "spidCode";

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
    private final LoginScheme scheme;
    private final Map<String, String> attributes;

    private CieIdentity(Builder builder) {
        this.scheme = Objects.requireNonNull(builder.scheme, "scheme");
        boolean cie = scheme == LoginScheme.CIE;
        this.name = cie ? Objects.requireNonNull(builder.name, "name") : builder.name;
        this.familyName = cie ? Objects.requireNonNull(builder.familyName, "familyName") : builder.familyName;
        this.dateOfBirth = cie ? Objects.requireNonNull(builder.dateOfBirth, "dateOfBirth") : builder.dateOfBirth;
        this.fiscalNumber = cie ? Objects.requireNonNull(builder.fiscalNumber, "fiscalNumber") : builder.fiscalNumber;
        if (fiscalNumber != null && (!fiscalNumber.startsWith(FISCAL_NUMBER_PREFIX)
                || fiscalNumber.length() == FISCAL_NUMBER_PREFIX.length())) {
            throw new IllegalArgumentException("fiscalNumber must be TINIT- followed by the fiscal code");
        }
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(builder.attributes));
        if (fiscalNumber == null && attributes.get(SPID_CODE) == null) {
            throw new IllegalArgumentException("an identity needs a TINIT- fiscalNumber or a spidCode");
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

    /** @return which scheme authenticated the citizen: CIE, SPID or eIDAS */
    public LoginScheme getScheme() {
        return scheme == null ? LoginScheme.CIE : scheme; // null: a session of an earlier version, before SPID
    }

    /**
     * @param name a SPID attribute name, e.g. {@code email}
     * @return the value the identity provider released, trimmed; null when it released none. For CIE: the four
     *     attributes CIE releases.
     */
    public String getAttribute(String name) {
        return getAttributes().get(name);
    }

    /** @return every attribute the identity provider released, by SPID name, sorted by name; unmodifiable */
    public Map<String, String> getAttributes() {
        return attributes == null ? Map.of() : attributes;
    }

    /** @return who the citizen is for this application: the fiscal code, or the {@code spidCode} when the identity
     *     has no Italian fiscal code (an eIDAS citizen of another country); also the remote user */
    public String getUserId() {
        return fiscalNumber != null ? getFiscalCode() : getAttribute(SPID_CODE);
    }

    /** @return the {@code spidCode} attribute (for eIDAS: the citizen's eIDAS identifier), or null */
    public String getSpidCode() {
        return getAttribute(SPID_CODE);
    }

    /** @return the {@code email} attribute, or null */
    public String getEmail() {
        return getAttribute("email");
    }

    /** @return the {@code mobilePhone} attribute, or null */
    public String getMobilePhone() {
        return getAttribute("mobilePhone");
    }

    /** @return the {@code gender} attribute ({@code M} or {@code F}), or null */
    public String getGender() {
        return getAttribute("gender");
    }

    /** @return the {@code placeOfBirth} attribute (cadastral code of the municipality), or null */
    public String getPlaceOfBirth() {
        return getAttribute("placeOfBirth");
    }

    /** @return the {@code countyOfBirth} attribute (province code), or null */
    public String getCountyOfBirth() {
        return getAttribute("countyOfBirth");
    }

    /** @return the {@code address} attribute (residence), or null */
    public String getAddress() {
        return getAttribute("address");
    }

    /** @return the {@code digitalAddress} attribute (the citizen's PEC), or null */
    public String getDigitalAddress() {
        return getAttribute("digitalAddress");
    }

    /** @return the given name ({@code name} attribute); may be null for SPID/eIDAS when not asked */
    public String getName() {
        return name;
    }

    /** @return the surname ({@code familyName} attribute); may be null for SPID/eIDAS when not asked */
    public String getFamilyName() {
        return familyName;
    }

    /** @return the date of birth ({@code dateOfBirth} attribute); may be null for SPID/eIDAS when not asked */
    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    /** @return the {@code fiscalNumber} attribute as sent, e.g. {@code TINIT-RSSBNC80A41H501X}; null for a SPID login
     *     that did not ask for it, or an eIDAS citizen without an Italian fiscal code */
    public String getFiscalNumber() {
        return fiscalNumber;
    }

    /** @return the Italian fiscal code without the {@code TINIT-} prefix; this is also the remote user. Null when
     *     there is no fiscal number (see {@link #getUserId()}) */
    public String getFiscalCode() {
        return fiscalNumber == null ? null : fiscalNumber.substring(FISCAL_NUMBER_PREFIX.length());
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
        return "CieIdentity[" + getUserId().charAt(0) + "***, " + getScheme().id() + ", level=" + level + "]";
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
        private LoginScheme scheme = LoginScheme.CIE;
        private Map<String, String> attributes = Map.of();

        private Builder() {
        }

        /** @param value the scheme, CIE by default; SPID and eIDAS need no name, familyName, dateOfBirth nor
         *     fiscalNumber, but at least a fiscalNumber or a spidCode attribute @return this builder */
        public Builder scheme(LoginScheme value) {
            this.scheme = value;
            return this;
        }

        /** @param value the released attributes by SPID name @return this builder */
        public Builder attributes(Map<String, String> value) {
            this.attributes = Map.copyOf(value);
            return this;
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
