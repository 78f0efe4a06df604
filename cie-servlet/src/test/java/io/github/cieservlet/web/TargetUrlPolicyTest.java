package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetUrlPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/area-riservata/", "/area?x=1&y=%2F%2F", "/a/b.jsp#frag"})
    void pagesOfThisApplicationAreAccepted(String target) {
        assertThat(TargetUrlPolicy.check(target)).contains(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
        "https://evil.example/", "javascript:alert(1)", "evil.example", "%2F%2Fevil.example",
        "/a\r\nSet-Cookie: x=y", "/\tx", "JAVASCRIPT:alert(1)"})
    void anythingThatCouldLeaveTheApplicationIsRefused(String target) {
        assertThat(TargetUrlPolicy.check(target)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void missingTargetMeansHome() {
        assertThat(TargetUrlPolicy.check(null)).contains("/");
        assertThat(TargetUrlPolicy.check("")).contains("/");
        assertThat(TargetUrlPolicy.check("/" + "a".repeat(TargetUrlPolicy.MAX_LENGTH))).isEmpty();
    }

    /**
     * Targets as the servlet sees them (the query string decoded once): leading white space, control characters
     * anywhere (tab and newline are dropped by browsers, turning {@code /\t/evil} into {@code //evil}),
     * backslashes (read as slashes by browsers), schemes, and values still encoded once more (double encoding).
     * Guards TargetUrlPolicy's first-character, {@code //}, backslash and control-character rules.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\t//evil.example", " //evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example",
        "\u0000//evil.example", "/\u007f/evil.example", "%5C%5Cevil.example", "%252F%252Fevil.example", "/\\/evil.example",
        "\\/evil.example", "http:/\\evil.example", "data:text/html,x", "vbscript:msgbox(1)", "//evil.example@portal.example/",
        "/\u000b/evil.example", "\u3000//evil.example"})
    void encodedAndObfuscatedWaysToAnotherHostAreRefused(String target) {
        assertThat(TargetUrlPolicy.check(target)).as(target).isEmpty();
    }

    /**
     * Targets that are accepted though they look like other hosts once decoded again: the redirect is always
     * {@code cie.publicBaseUrl} + the target ({@code SpEndpoints.absolute}), so its host cannot change.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/%2F%2Fevil.example", "/%5C%5Cevil.example", "/%252F%252Fevil.example", "/@evil.example",
        "/..//evil.example", "/.;//evil.example", "/%09/evil.example", "/?next=//evil.example", "/#//evil.example",
        "/%0d%0aLocation:%20http://evil.example"})
    void acceptedTargetsNeverLeaveThePortal(String target) {
        assertThat(TargetUrlPolicy.check(target)).contains(target);
        java.net.URI location = java.net.URI.create("https://portale.comune.example.it" + target);
        assertThat(location.getHost()).as(target).isEqualTo("portale.comune.example.it");
    }

    /** The length limit is inclusive: {@value TargetUrlPolicy#MAX_LENGTH} characters pass, one more does not. */
    @Test
    void lengthLimitBoundary() {
        String longest = "/" + "a".repeat(TargetUrlPolicy.MAX_LENGTH - 1);

        assertThat(TargetUrlPolicy.check(longest)).contains(longest);
        assertThat(TargetUrlPolicy.check(longest + "a")).isEmpty();
    }

    /** Control characters end at U+001F and include DEL; the space and the tilde are ordinary characters. */
    @Test
    void controlCharacterBoundaries() {
        assertThat(TargetUrlPolicy.check("/a\u001fb")).isEmpty();
        assertThat(TargetUrlPolicy.check("/a\u007fb")).isEmpty();
        assertThat(TargetUrlPolicy.check("/a b")).contains("/a b");
        assertThat(TargetUrlPolicy.check("/a~b")).contains("/a~b");
    }
}
