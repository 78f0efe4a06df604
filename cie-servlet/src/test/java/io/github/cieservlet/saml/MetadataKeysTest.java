package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testing.TestCredentials;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;

class MetadataKeysTest {

    @Test
    void readsBackTheSigningKeysItWritesAndSkipsEncryptionKeys() throws Exception {
        X509Certificate signing = TestCredentials.idp().certificate();
        X509Certificate unspecified = TestCredentials.sp().certificate();
        IDPSSODescriptor role = SamlObjects.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME, IDPSSODescriptor.class);
        KeyDescriptor encryption = MetadataKeys.signingKey(TestCredentials.attacker().certificate());
        encryption.setUse(UsageType.ENCRYPTION);
        KeyDescriptor noUse = MetadataKeys.signingKey(unspecified);
        noUse.setUse(null);
        role.getKeyDescriptors().add(MetadataKeys.signingKey(signing));
        role.getKeyDescriptors().add(encryption);
        role.getKeyDescriptors().add(noUse);

        assertThat(role.getKeyDescriptors().get(0).getUse()).isEqualTo(UsageType.SIGNING);
        assertThat(MetadataKeys.signingCertificates(role)).containsExactly(signing, unspecified);
    }

    @Test
    void aRoleWithoutKeysHasNoSigningCertificates() throws Exception {
        assertThat(MetadataKeys.signingCertificates(
                SamlObjects.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME, IDPSSODescriptor.class))).isEmpty();
    }
}
