package io.github.cieservlet.oidc;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import java.util.Set;

/**
 * The algorithms of the SPID/CIE OIDC profile ("Cryptographic algorithms"): what the RP accepts and what it asks
 * for in its metadata. {@code none}, the HMAC family and {@code RSA1_5} are never accepted.
 */
public final class ProfileAlgorithms {

    /** Signature algorithms accepted from the OP and the federation (mandatory and recommended ones). */
    public static final Set<JWSAlgorithm> SIGNATURE = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES512);

    /** Key encryption algorithms accepted (the RP's keys are RSA). */
    public static final Set<JWEAlgorithm> KEY_ENCRYPTION = Set.of(JWEAlgorithm.RSA_OAEP_256, JWEAlgorithm.RSA_OAEP);

    /** Content encryption algorithms accepted. */
    public static final Set<EncryptionMethod> CONTENT_ENCRYPTION = Set.of(EncryptionMethod.A128CBC_HS256,
            EncryptionMethod.A256CBC_HS512);

    /** What the RP signs with, and asks the OP to sign with. */
    public static final JWSAlgorithm SIGN = JWSAlgorithm.RS256;

    /** The key encryption the RP asks for: RSA-OAEP, which the CIE federation portal expects. */
    public static final JWEAlgorithm ENCRYPT_KEY = JWEAlgorithm.RSA_OAEP;

    /** The content encryption the RP asks for. */
    public static final EncryptionMethod ENCRYPT_CONTENT = EncryptionMethod.A256CBC_HS512;

    private ProfileAlgorithms() {
    }
}
