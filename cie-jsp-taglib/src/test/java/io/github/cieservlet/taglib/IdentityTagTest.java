package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import jakarta.servlet.jsp.JspException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTagTest {

    private static IdentityTag identity(String property) {
        IdentityTag tag = new IdentityTag();
        tag.setProperty(property);
        return tag;
    }

    private static IdentityTag dateOfBirth(String pattern) {
        IdentityTag tag = identity("dateOfBirth");
        tag.setPattern(pattern);
        return tag;
    }

    @ParameterizedTest
    @CsvSource({
        "name, Bianca",
        "familyName, Rossi",
        "fiscalNumber, TINIT-RSSBNC80A45H501X",
        "fiscalCode, RSSBNC80A45H501X",
        "dateOfBirth, 1980-01-05",
        "level, L2",
    })
    void everyProperty(String property, String expected) throws Exception {
        FakePage page = new FakePage().loggedIn(FakePage.citizen("Bianca"));

        assertThat(page.render(identity(property))).isEqualTo(expected);
    }

    @Test
    void anAttributeAForeignEidasCitizenLacksWritesNothing() throws Exception {
        CieIdentity foreign = CieIdentity.builder()
                .scheme(LoginScheme.EIDAS)
                .name("Hans")
                .attributes(Map.of("spidCode", "DE/IT/42", "name", "Hans"))
                .level(CieLevel.L2)
                .nameId("_nameid")
                .nameIdQualifier("https://ficep.example.eu")
                .authnInstant(Instant.parse("2024-05-01T10:00:00Z"))
                .idpEntityId("https://ficep.example.eu")
                .build();
        FakePage page = new FakePage().loggedIn(foreign);

        assertThat(page.render(identity("fiscalCode"))).isEmpty();
        assertThat(page.render(identity("name"))).isEqualTo("Hans");
    }

    @Test
    void propertiesOfACitizenInTheSession() throws Exception {
        FakePage page = new FakePage().loggedInSession(FakePage.citizen("Bianca"));

        assertThat(page.render(identity("fiscalCode"))).isEqualTo("RSSBNC80A45H501X");
    }

    @Test
    void escapesAScriptInTheName() throws Exception {
        FakePage page = new FakePage().loggedIn(FakePage.citizen("<script>alert(1)</script>"));

        assertThat(page.render(identity("name"))).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void escapesQuotesAndAmpersands() throws Exception {
        FakePage page = new FakePage().loggedIn(FakePage.citizen("\"D'Amico\" & <b>"));

        assertThat(page.render(identity("name"))).isEqualTo("&quot;D&#39;Amico&quot; &amp; &lt;b&gt;");
    }

    @Test
    void dateOfBirthWithAPattern() throws Exception {
        FakePage page = new FakePage().loggedIn(FakePage.citizen("Bianca"));

        assertThat(page.render(dateOfBirth("dd/MM/yyyy"))).isEqualTo("05/01/1980");
    }

    @Test
    void patternUsesTheLocaleTheBrowserPrefers() throws Exception {
        FakePage italian = new FakePage().loggedIn(FakePage.citizen("Bianca"));
        FakePage german = new FakePage().withLocale(Locale.GERMANY).loggedIn(FakePage.citizen("Bianca"));

        assertThat(italian.render(dateOfBirth("d MMMM yyyy"))).isEqualTo("5 gennaio 1980");
        assertThat(german.render(dateOfBirth("d. MMMM yyyy"))).isEqualTo("5. Januar 1980");
    }

    @Test
    void patternLiteralsAreEscaped() throws Exception {
        FakePage page = new FakePage().loggedIn(FakePage.citizen("Bianca"));

        assertThat(page.render(dateOfBirth("yyyy'<b>'"))).isEqualTo("1980&lt;b&gt;");
    }

    @Test
    void refusesAnInvalidPattern() {
        FakePage page = new FakePage().loggedIn(FakePage.citizen("Bianca"));

        assertThatThrownBy(() -> page.render(dateOfBirth("yyyy-MM-dd{"))).isInstanceOf(JspException.class)
                .hasMessageStartingWith("The pattern attribute is not a valid DateTimeFormatter pattern");
    }

    @Test
    void refusesAPatternWithTimeFields() {
        FakePage page = new FakePage().loggedIn(FakePage.citizen("Bianca"));

        assertThatThrownBy(() -> page.render(dateOfBirth("yyyy-MM-dd HH:mm"))).isInstanceOf(JspException.class)
                .hasMessageStartingWith("The pattern attribute asks for fields a date does not have");
    }

    @Test
    void refusesAPatternForAnotherProperty() {
        IdentityTag tag = identity("name");
        tag.setPattern("yyyy");
        FakePage page = new FakePage().loggedIn(FakePage.citizen("Bianca"));

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class)
                .hasMessage("The pattern attribute applies only to the dateOfBirth property");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "Name", "nameId", "class", ""})
    void refusesAnUnknownPropertyEvenWhenNobodyIsLoggedIn(String property) {
        FakePage page = new FakePage();

        assertThatThrownBy(() -> page.render(identity(property))).isInstanceOf(JspException.class)
                .hasMessage("The property attribute must be one of name, familyName, fiscalNumber, fiscalCode,"
                        + " dateOfBirth, level");
    }

    @Test
    void refusesAMissingProperty() {
        FakePage page = new FakePage();

        assertThatThrownBy(() -> page.render(new IdentityTag())).isInstanceOf(JspException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "familyName", "fiscalNumber", "fiscalCode", "dateOfBirth", "level"})
    void writesNothingWhenNobodyIsLoggedIn(String property) throws Exception {
        assertThat(new FakePage().render(identity(property))).isEmpty();
    }
}
