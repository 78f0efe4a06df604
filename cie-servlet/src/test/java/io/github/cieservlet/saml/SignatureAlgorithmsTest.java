package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignatureAlgorithmsTest {

    @Test
    void acceptsRsaWithSha256OrStrongerAndExclusiveCanonicalisationOnly() {
        assertThat(SignatureAlgorithms.SIGNATURE_METHODS).containsExactlyInAnyOrder(
                "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
                "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512");
        assertThat(SignatureAlgorithms.DIGEST_METHODS).containsExactlyInAnyOrder(
                "http://www.w3.org/2001/04/xmlenc#sha256",
                "http://www.w3.org/2001/04/xmldsig-more#sha384",
                "http://www.w3.org/2001/04/xmlenc#sha512");
        assertThat(SignatureAlgorithms.CANONICALIZATION_METHODS)
                .containsExactly("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(SignatureAlgorithms.TRANSFORMS).containsExactlyInAnyOrder(
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                "http://www.w3.org/2001/10/xml-exc-c14n#");
    }

    @Test
    void aMissingAlgorithmIsNotAcceptedAndTheSetsCannotBeChanged() {
        assertThat(SignatureAlgorithms.SIGNATURE_METHODS.contains(null)).isFalse();
        assertThat(SignatureAlgorithms.DIGEST_METHODS.contains(null)).isFalse();
        assertThatThrownBy(() -> SignatureAlgorithms.DIGEST_METHODS.add("http://www.w3.org/2000/09/xmldsig#sha1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
