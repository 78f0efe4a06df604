package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

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
}
