package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Locations}: what reaches a {@code Location} header is ASCII, with every character a URI may not hold
 * percent-encoded as UTF-8 bytes, existing escapes kept and a stray {@code %} encoded.
 */
class LocationsTest {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    @Test
    void uriCharactersStayAsTheyAre() {
        String uri = UNRESERVED + "!$&'()*+,;=:@/?#[]";
        assertThat(Locations.encode(uri)).isEqualTo(uri);
        assertThat(Locations.encode("")).isEmpty();
    }

    @Test
    void everythingElseIsEncodedAsUtf8Bytes() {
        assertThat(Locations.encode("/a b\"<>\\^`{|}")).isEqualTo("/a%20b%22%3C%3E%5C%5E%60%7B%7C%7D");
        assertThat(Locations.encode("/\u0000\u001f\u007f")).isEqualTo("/%00%1F%7F");
        assertThat(Locations.encode("/pagina-è?x=è")).isEqualTo("/pagina-%C3%A8?x=%C3%A8");
        assertThat(Locations.encode("/\u0080\u07ff\u0800\uffff")).isEqualTo("/%C2%80%DF%BF%E0%A0%80%EF%BF%BF");
    }

    @Test
    void aSurrogatePairIsOneCharacterOfFourBytes() {
        assertThat(Locations.encode("/\uD83D\uDE00x")).isEqualTo("/%F0%9F%98%80x");
        assertThat(Locations.encodePath("/\uD83D\uDE00x")).isEqualTo("/%F0%9F%98%80x");
    }

    @Test
    void aLoneSurrogateIsEncodedAsTheReplacementOfTheJdk() {
        assertThat(Locations.encode("/a\uD83D")).isEqualTo("/a%3F");
        assertThat(Locations.encode("/a\uD83Dx")).isEqualTo("/a%3Fx");
        assertThat(Locations.encode("/a\uDE00x")).isEqualTo("/a%3Fx");
        assertThat(Locations.encodePath("/a\uD83D")).isEqualTo("/a%3F");
    }

    @Test
    void existingEscapesAreKeptAndAStrayPercentIsEncoded() {
        assertThat(Locations.encode("/%41%c3%A8%0a%9F%fA%AF")).isEqualTo("/%41%c3%A8%0a%9F%fA%AF");
        assertThat(Locations.encode("%41")).isEqualTo("%41");
        assertThat(Locations.encode("/%")).isEqualTo("/%25");
        assertThat(Locations.encode("/%4")).isEqualTo("/%254");
        assertThat(Locations.encode("/a%4")).isEqualTo("/a%254");
        assertThat(Locations.encode("/%%41")).isEqualTo("/%25%41");
        for (String notHex : new String[] {"/", ":", "@", "G", "`", "g", " "}) {
            assertThat(Locations.encode("/%" + notHex + "0")).as("first %s", notHex)
                    .isEqualTo("/%25" + Locations.encode(notHex) + "0");
            assertThat(Locations.encode("/%0" + notHex)).as("second %s", notHex)
                    .isEqualTo("/%250" + Locations.encode(notHex));
        }
    }

    @Test
    void aPathKeepsOnlyPathCharacters() {
        String path = "/" + UNRESERVED + "!$&'()*+,;=:@/";
        assertThat(Locations.encodePath(path)).isEqualTo(path);
        assertThat(Locations.encodePath("/a?b#c%41[d]")).isEqualTo("/a%3Fb%23c%2541%5Bd%5D");
        assertThat(Locations.encodePath("/pagina è")).isEqualTo("/pagina%20%C3%A8");
        assertThat(Locations.encodePath("")).isEmpty();
    }
}
