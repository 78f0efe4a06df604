package io.github.cieservlet.saml;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * The XML signature algorithms accepted in received messages (CIE-SAML {@code pki.rst}, SPID validators): RSA
 * with SHA-256, SHA-384 or SHA-512; digest SHA-256, SHA-384 or SHA-512; exclusive canonicalisation without
 * comments; the enveloped-signature and exclusive canonicalisation transforms only. SHA-1, MD5, HMAC,
 * inclusive canonicalisation and XPath/XSLT transforms are not among them.
 *
 * <p>The sets are unmodifiable, and {@code contains(null)} is false.
 */
public final class SignatureAlgorithms {

    /** The accepted {@code SignatureMethod} (and HTTP-Redirect {@code SigAlg}) URIs: RSA-SHA256/384/512. */
    public static final Set<String> SIGNATURE_METHODS = setOf(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512);

    /** The accepted {@code DigestMethod} URIs: SHA-256/384/512. */
    public static final Set<String> DIGEST_METHODS = setOf(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    /** The accepted {@code CanonicalizationMethod} URI: exclusive canonicalisation without comments. */
    public static final Set<String> CANONICALIZATION_METHODS = setOf(
            SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);

    /** The accepted {@code Transform} URIs: enveloped signature and exclusive canonicalisation. */
    public static final Set<String> TRANSFORMS = setOf(
            SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
            SignatureConstants.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);

    private SignatureAlgorithms() {
    }

    private static Set<String> setOf(String... uris) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(uris)));
    }
}
