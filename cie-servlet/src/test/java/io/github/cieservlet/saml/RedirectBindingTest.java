package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.testing.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectBindingTest {

    private static final String XML = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\"/>";

    @Test
    void deflateRoundTrips() throws Exception {
        String encoded = RedirectBinding.deflateAndEncode(XML);
        assertThat(new String(RedirectBinding.decodeAndInflate(encoded, 10_000), StandardCharsets.UTF_8)).isEqualTo(XML);
    }

    @Test
    void inflateIsBounded() {
        String bomb = RedirectBinding.deflateAndEncode("a".repeat(2_000_000));
        assertThatThrownBy(() -> RedirectBinding.decodeAndInflate(bomb, 100_000))
                .isInstanceOf(SamlXmlException.class).hasMessageContaining("more than");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> RedirectBinding.decodeAndInflate("%%%", 1000)).isInstanceOf(SamlXmlException.class);
        assertThatThrownBy(() -> RedirectBinding.decodeAndInflate("aGVsbG8=", 1000)).isInstanceOf(SamlXmlException.class);
    }

    @Test
    void signedQueryVerifiesWithTheSignersCertificateOnly() {
        SpCredentials sp = TestCredentials.sp();
        String query = RedirectBinding.signedQuery("SAMLRequest", XML, "tok123", sp.privateKey(), sp.certificate());
        assertThat(query).startsWith("SAMLRequest=").contains("&RelayState=tok123&SigAlg=").contains("&Signature=");
        assertThat(RedirectBinding.verify(query, "SAMLRequest", List.of(sp.certificate()))).isTrue();
        assertThat(RedirectBinding.verify(query, "SAMLRequest", List.of(TestCredentials.attacker().certificate()))).isFalse();
        assertThat(RedirectBinding.verify(query, "SAMLRequest",
                List.of(TestCredentials.attacker().certificate(), sp.certificate()))).isTrue();
    }

    @Test
    void tamperedQueryFails() {
        SpCredentials sp = TestCredentials.sp();
        String query = RedirectBinding.signedQuery("SAMLRequest", XML, "tok123", sp.privateKey(), sp.certificate());
        assertThat(RedirectBinding.verify(query.replace("RelayState=tok123", "RelayState=tok124"), "SAMLRequest",
                List.of(sp.certificate()))).isFalse();
        assertThat(RedirectBinding.verify(query.replaceAll("&Signature=[^&]*", ""), "SAMLRequest",
                List.of(sp.certificate()))).isFalse();
    }

    @Test
    void refusesSha1SigAlg() {
        SpCredentials sp = TestCredentials.sp();
        String query = RedirectBinding.signedQuery("SAMLRequest", XML, null, sp.privateKey(), sp.certificate())
                .replace(RedirectBinding.urlEncode(RedirectBinding.SIG_ALG),
                        RedirectBinding.urlEncode("http://www.w3.org/2000/09/xmldsig#rsa-sha1"));
        assertThat(RedirectBinding.verify(query, "SAMLRequest", List.of(sp.certificate()))).isFalse();
    }

    @Test
    void repeatedParameterIsNotVerified() {
        SpCredentials sp = TestCredentials.sp();
        String query = RedirectBinding.signedQuery("SAMLRequest", XML, "a", sp.privateKey(), sp.certificate());
        assertThat(RedirectBinding.verify(query + "&RelayState=b", "SAMLRequest", List.of(sp.certificate()))).isFalse();
    }

    @Test
    void badlyEncodedQueryIsNotVerifiedRatherThanThrowing() {
        assertThat(RedirectBinding.verify("SAMLRequest=%zz&SigAlg=%zz&Signature=%zz", "SAMLRequest",
                List.of(TestCredentials.sp().certificate()))).isFalse();
    }

    /** The inflation limit is inclusive: a message of exactly the limit is read, one byte more is refused. */
    @Test
    void inflateLimitBoundary() throws Exception {
        String exactly = "x".repeat(500);
        String encoded = RedirectBinding.deflateAndEncode(exactly);

        assertThat(new String(RedirectBinding.decodeAndInflate(encoded, 500), StandardCharsets.UTF_8)).isEqualTo(exactly);
        assertThatThrownBy(() -> RedirectBinding.decodeAndInflate(encoded, 499)).isInstanceOf(SamlXmlException.class)
                .hasMessageContaining("more than 499");
    }

    /** A pair without '=' is a name with an empty value; "=v" is the empty name with value v. */
    @Test
    void rawParametersOfOddPairs() {
        assertThat(RedirectBinding.rawParameters("flag&=v&a=b%3D")).containsExactly(Map.entry("flag", ""), Map.entry("", "v"),
                Map.entry("a", "b%3D"));
    }

    /** A parameter sent twice is ambiguous: its value becomes null, whichever came first. */
    @Test
    void rawParametersRepeated_areNull() {
        Map<String, String> params = RedirectBinding.rawParameters("SAMLRequest=a&SAMLRequest=b&RelayState=r");

        assertThat(params).containsEntry("SAMLRequest", null).containsEntry("RelayState", "r");
    }
}
