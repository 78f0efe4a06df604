package io.github.cieservlet.testidp.response;

import io.github.cieservlet.testidp.idp.IdpScheme;
import java.util.List;
import java.util.Optional;

/** Who can log in at each test IdP: CIE citizens, SPID people, eIDAS people. */
public final class TestPeople {

    private TestPeople() {
    }

    /**
     * @param scheme a test IdP
     * @return the people it offers, in order (the first is preselected)
     */
    public static List<TestPerson> at(IdpScheme scheme) {
        switch (scheme) {
            case SPID:
                return List.of(SpidTestPerson.values());
            case FICEP:
                return List.of(EidasTestPerson.values());
            default:
                return List.of(TestCitizen.values());
        }
    }

    /**
     * @param scheme a test IdP
     * @param name a form value, or null
     * @return the person of that IdP with that name
     */
    public static Optional<TestPerson> find(IdpScheme scheme, String name) {
        return at(scheme).stream().filter(person -> person.name().equals(name)).findFirst();
    }
}
