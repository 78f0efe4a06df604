package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionalTagsTest {

    private static final String BODY = "<p>body</p>";

    @Test
    void nobodyLoggedInAndNoSession() throws Exception {
        assertThat(new FakePage().render(new AuthenticatedTag(), BODY)).isEmpty();
        assertThat(new FakePage().render(new NotAuthenticatedTag(), BODY)).isEqualTo(BODY);
    }

    @Test
    void citizenInTheRequest() throws Exception {
        FakePage page = new FakePage().loggedIn(FakePage.citizen("Bianca"));

        assertThat(page.render(new NotAuthenticatedTag(), BODY)).isEmpty();
        assertThat(page.render(new AuthenticatedTag(), BODY)).isEqualTo(BODY);
    }

    @Test
    void citizenInTheSession() throws Exception {
        FakePage page = new FakePage().loggedInSession(FakePage.citizen("Bianca"));

        assertThat(page.render(new NotAuthenticatedTag(), BODY)).isEmpty();
        assertThat(page.render(new AuthenticatedTag(), BODY)).isEqualTo(BODY);
    }

    @Test
    void somethingElseUnderTheAttributeNameIsNotACitizen() throws Exception {
        FakePage page = new FakePage().withRequestAttribute("cieIdentity", "forged");

        assertThat(page.render(new AuthenticatedTag(), BODY)).isEmpty();
        assertThat(page.render(new NotAuthenticatedTag(), BODY)).isEqualTo(BODY);
    }

    @Test
    void emptyTagsWriteNothing() throws Exception {
        assertThat(new FakePage().render(new NotAuthenticatedTag())).isEmpty();
        assertThat(new FakePage().loggedIn(FakePage.citizen("Bianca")).render(new AuthenticatedTag())).isEmpty();
    }
}
