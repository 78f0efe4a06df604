package io.github.cieservlet.testidp.response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The invented people of the SPID test IdP, with every SPID attribute of a natural person in the SPID formats
 * (Tabella attributi SPID): spidCode = 4 letters + 10 characters, names with initial capitals, dateOfBirth and
 * expirationDate as xs:date, placeOfBirth as a cadastral (Belfiore) code, fiscalNumber {@code TINIT-...}. Their
 * fiscal codes are well-formed but belong to nobody.
 */
public enum SpidTestPerson implements TestPerson {
    /** A man born in Rome, with every attribute. */
    MARIO_ROSSI(new Builder("Mario", "Rossi", "RSSMRA80A01H501U").spidCode("TSTD0000000001")
            .birth("1980-01-01", "H501", "RM", "M")
            .contacts("mario.rossi@example.com", "3331234567", "mario.rossi@pec.example.it")
            .address("Via Nazionale 1 00184 Roma RM")),
    /** A woman born in Milan, with two given names and no mobile phone nor digital address. */
    ANNA_MARIA_BIANCHI(new Builder("Anna Maria", "Bianchi", "BNCNMR92E57F205N").spidCode("TSTD0000000002")
            .birth("1992-05-17", "F205", "MI", "F")
            .contacts("anna.bianchi@example.com", null, null)
            .address("Corso Buenos Aires 10 20124 Milano MI")),
    /** A man with an apostrophe in the surname (to exercise escaping), born in Naples. */
    GIUSEPPE_D_ANGELO(new Builder("Giuseppe", "D'Angelo", "DNGGPP55T31F839M").spidCode("TSTD0000000003")
            .birth("1955-12-31", "F839", "NA", "M")
            .contacts("g.dangelo@example.com", "3479876543", "g.dangelo@pec.example.it")
            .address("Piazza del Plebiscito 1 80132 Napoli NA"));

    private final Map<String, String> attributes;

    SpidTestPerson(Builder builder) {
        this.attributes = Collections.unmodifiableMap(builder.attributes);
    }

    @Override
    public String description() {
        return attributes.get("name") + " " + attributes.get("familyName") + ", " + attributes.get("fiscalNumber")
                + ", spidCode " + attributes.get("spidCode") + ", nato/a il " + attributes.get("dateOfBirth");
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Collects a person's attributes, in the order they are released. */
    private static final class Builder {
        private final Map<String, String> attributes = new LinkedHashMap<>();

        Builder(String name, String familyName, String fiscalCode) {
            attributes.put("name", name);
            attributes.put("familyName", familyName);
            attributes.put("fiscalNumber", "TINIT-" + fiscalCode);
            attributes.put("expirationDate", "2030-12-31");
        }

        Builder spidCode(String spidCode) {
            attributes.put("spidCode", spidCode);
            return this;
        }

        Builder birth(String date, String place, String county, String gender) {
            attributes.put("dateOfBirth", date);
            attributes.put("placeOfBirth", place);
            attributes.put("countyOfBirth", county);
            attributes.put("gender", gender);
            return this;
        }

        Builder contacts(String email, String mobilePhone, String digitalAddress) {
            attributes.put("email", email);
            if (mobilePhone != null) {
                attributes.put("mobilePhone", mobilePhone);
            }
            if (digitalAddress != null) {
                attributes.put("digitalAddress", digitalAddress);
            }
            return this;
        }

        Builder address(String address) {
            attributes.put("address", address);
            return this;
        }
    }
}
