// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * publiccode.yml, read by the Developers Italia catalogue, follows the publiccode.yml standard 0.4: its mandatory keys
 * with values from the standard's vocabularies and lengths, the Italian and English descriptions, and the same
 * licence, repository and version as the POM.
 */
class PubliccodeYmlTest {

    private static final Path ROOT = Path.of("..");

    /** The top-level keys of the standard 0.4 (core and the IT country section). */
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("publiccodeYmlVersion", "name", "applicationSuite", "url",
            "landingURL", "isBasedOn", "softwareVersion", "releaseDate", "logo", "monochromeLogo", "inputTypes",
            "outputTypes", "platforms", "categories", "usedBy", "roadmap", "developmentStatus", "softwareType",
            "intendedAudience", "description", "legal", "maintenance", "localisation", "dependsOn", "IT", "it");

    /** The standard's controlled vocabulary of categories (the ones it lists for identity, security, development). */
    private static final Set<String> CATEGORIES = Set.of("identity-management", "it-security", "it-development",
            "application-development", "it-management", "compliance-management", "digital-citizenship");

    private static Map<String, Object> yml;
    private static ProjectPom pom;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("publiccode.yml"), StandardCharsets.UTF_8)) {
            yml = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        pom = ProjectPom.read(ROOT.resolve("pom.xml"));
    }

    @Test
    void declaresStandardVersionNameAndTheRepositoryOfThePom() {
        assertThat(yml.keySet()).isSubsetOf(TOP_LEVEL_KEYS);
        assertThat(yml).containsEntry("publiccodeYmlVersion", "0.4").containsEntry("name", "cie-servlet");
        assertThat(yml.get("url")).isEqualTo(pom.url());
    }

    @Test
    void isALibraryForTheWebInTheStandardsCategories() {
        assertThat(yml).containsEntry("softwareType", "library");
        assertThat(list(yml.get("platforms"))).containsExactly("web");
        assertThat(list(yml.get("categories"))).isNotEmpty().allMatch(CATEGORIES::contains);
        assertThat(yml.get("developmentStatus")).isIn("concept", "development", "beta", "stable", "obsolete");
    }

    @Test
    void versionAndReleaseDateMatchThePom() {
        assertThat(yml.get("softwareVersion")).isEqualTo(pom.version().replace("-SNAPSHOT", ""));
        assertThat(String.valueOf(yml.get("releaseDate"))).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void describesTheSoftwareInItalianAndEnglishWithinTheStandardsLengths() {
        Map<String, Object> descriptions = map(yml.get("description"));
        assertThat(descriptions.keySet()).contains("it", "en");
        for (Object value : descriptions.values()) {
            Map<String, Object> description = map(value);
            assertThat(((String) description.get("shortDescription")).strip()).hasSizeBetween(20, 150);
            assertThat(((String) description.get("longDescription")).strip()).hasSizeBetween(150, 10_000);
            assertThat(list(description.get("features"))).hasSizeBetween(5, 20);
        }
        assertThat(list(map(descriptions.get("it")).get("features")))
                .hasSameSizeAs(list(map(descriptions.get("en")).get("features")));
    }

    @Test
    void licenceIsThePomsAndTheLicenceFilesAndMaintenanceHasContacts() throws IOException {
        assertThat(map(yml.get("legal")).get("license")).isEqualTo("Apache-2.0").isEqualTo(pom.licenceName());
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
        Map<String, Object> maintenance = map(yml.get("maintenance"));
        assertThat(maintenance.get("type")).isIn("internal", "contract", "community", "none");
        assertThat(list(maintenance.get("contacts"))).isNotEmpty()
                .allSatisfy(contact -> assertThat(map(contact).get("name")).isNotNull());
    }

    @Test
    void localisedInItalianAndEnglishAndDependenciesNamed() {
        Map<String, Object> localisation = map(yml.get("localisation"));
        assertThat(localisation.get("localisationReady")).isEqualTo(Boolean.TRUE);
        assertThat(list(localisation.get("availableLanguages"))).contains("it", "en");
        assertThat(list(map(yml.get("dependsOn")).get("open"))).isNotEmpty()
                .allSatisfy(dependency -> assertThat(map(dependency).get("name")).isNotNull());
    }

    @Test
    void italianSectionDeclaresTheCiePlatform() {
        Map<String, Object> italy = map(yml.get("IT"));
        assertThat(italy).containsEntry("countryExtensionVersion", "1.0");
        assertThat(map(italy.get("piattaforme"))).containsEntry("cie", Boolean.TRUE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
