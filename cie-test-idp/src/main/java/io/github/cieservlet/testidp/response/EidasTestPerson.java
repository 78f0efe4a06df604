package io.github.cieservlet.testidp.response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The invented people of the local eIDAS node (FICEP), as the node hands them to a SPID service provider: the
 * eIDAS unique identifier ({@code <citizen's country>/<service's country>/<identifier>}) as spidCode, the eIDAS
 * minimum and full data sets under their SPID names, and a fiscalNumber only for someone who has an Italian fiscal
 * code.
 */
public enum EidasTestPerson implements TestPerson {
    /** An Italian citizen coming through eIDAS (e.g. with another country's eID), with an Italian fiscal code. */
    LUCIA_ESPOSITO("IT/IT/SPSLCU85M41H501L", "Lucia", "Esposito", "1985-08-01", "TINIT-SPSLCU85M41H501L", "H501",
            "Via Appia Nuova 100 00183 Roma RM", "F"),
    /** A German citizen with a German eID and no Italian fiscal code. */
    HANS_MUELLER("DE/IT/5A1B2C3D4E5F60718293", "Hans", "Müller", "1975-03-21", null, "Z112",
            "Unter den Linden 5 10117 Berlin", "M");

    private final Map<String, String> attributes;

    EidasTestPerson(String spidCode, String name, String familyName, String dateOfBirth, String fiscalNumber,
            String placeOfBirth, String address, String gender) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("spidCode", spidCode);
        map.put("name", name);
        map.put("familyName", familyName);
        map.put("dateOfBirth", dateOfBirth);
        if (fiscalNumber != null) {
            map.put("fiscalNumber", fiscalNumber);
        }
        map.put("placeOfBirth", placeOfBirth);
        map.put("address", address);
        map.put("gender", gender);
        this.attributes = Collections.unmodifiableMap(map);
    }

    @Override
    public String description() {
        return attributes.get("name") + " " + attributes.get("familyName") + ", identificativo eIDAS "
                + attributes.get("spidCode") + ", " + attributes.getOrDefault("fiscalNumber", "senza codice fiscale")
                + ", nato/a il " + attributes.get("dateOfBirth");
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }
}
