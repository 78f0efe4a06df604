package io.github.cieservlet.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * The SAML HTTP-Redirect binding: DEFLATE + base64 + URL encoding of a message, and the detached query-string
 * signature ({@code SigAlg} + {@code Signature}) computed over the exact encoded query.
 */
public final class RedirectBinding {

    /** The only signature algorithm used for outgoing messages. */
    public static final String SIG_ALG = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;

    private RedirectBinding() {
    }

    /**
     * @param xml a SAML message
     * @return its raw DEFLATE compression, base64-encoded (not yet URL-encoded)
     */
    public static String deflateAndEncode(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /**
     * @param value a base64 DEFLATE-compressed message (already URL-decoded)
     * @param maxBytes largest inflated size accepted (defeats compression bombs)
     * @return the message bytes
     * @throws SamlXmlException when the value is not base64 DEFLATE data or inflates beyond the limit
     */
    public static byte[] decodeAndInflate(String value, int maxBytes) throws SamlXmlException {
        byte[] compressed;
        try {
            compressed = Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new SamlXmlException("message is not base64", e);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SamlXmlException("message is truncated DEFLATE data");
                }
                if (out.size() + n > maxBytes) {
                    throw new SamlXmlException("message inflates to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SamlXmlException("message is not DEFLATE data", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * Builds the signed query string of a Redirect-binding message.
     *
     * @param messageParam {@code SAMLRequest} or {@code SAMLResponse}
     * @param xml the message, unsigned
     * @param relayState the RelayState, or null
     * @param privateKey the signing key
     * @param certificate its certificate
     * @return {@code SAMLRequest=...&RelayState=...&SigAlg=...&Signature=...}, ready to append after '?'
     */
    public static String signedQuery(String messageParam, String xml, String relayState, PrivateKey privateKey,
            X509Certificate certificate) {
        OpenSamlBootstrap.initialize();
        StringBuilder query = new StringBuilder(messageParam).append('=').append(urlEncode(deflateAndEncode(xml)));
        if (relayState != null) {
            query.append("&RelayState=").append(urlEncode(relayState));
        }
        query.append("&SigAlg=").append(urlEncode(SIG_ALG));
        try {
            byte[] signature = XMLSigningUtil.signWithURI(new BasicX509Credential(certificate, privateKey), SIG_ALG,
                    query.toString().getBytes(StandardCharsets.UTF_8));
            return query.append("&Signature=").append(urlEncode(Base64.getEncoder().encodeToString(signature))).toString();
        } catch (SecurityException e) {
            throw new IllegalStateException("cannot sign the Redirect query", e);
        }
    }

    /**
     * Verifies the detached signature of a received Redirect-binding query, over the parameters exactly as
     * they were encoded by the sender.
     *
     * @param rawQuery the query string as received (still URL-encoded)
     * @param messageParam {@code SAMLRequest} or {@code SAMLResponse}
     * @param trusted the certificates whose keys may have signed it
     * @return true only if SigAlg is RSA-SHA256 or stronger and the signature verifies with one of the keys
     */
    public static boolean verify(String rawQuery, String messageParam, List<X509Certificate> trusted) {
        OpenSamlBootstrap.initialize();
        try {
            return verifyEncoded(rawQuery, messageParam, trusted);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean verifyEncoded(String rawQuery, String messageParam, List<X509Certificate> trusted) {
        Map<String, String> raw = rawParameters(rawQuery);
        String message = raw.get(messageParam);
        String sigAlg = raw.get("SigAlg");
        String signature = raw.get("Signature");
        if (message == null || sigAlg == null || signature == null
                || !SignatureAlgorithms.SIGNATURE_METHODS.contains(urlDecode(sigAlg))) {
            return false;
        }
        StringBuilder signed = new StringBuilder(messageParam).append('=').append(message);
        if (raw.containsKey("RelayState")) {
            signed.append("&RelayState=").append(raw.get("RelayState"));
        }
        signed.append("&SigAlg=").append(sigAlg);
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getMimeDecoder().decode(urlDecode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] input = signed.toString().getBytes(StandardCharsets.UTF_8);
        for (X509Certificate certificate : trusted) {
            try {
                if (XMLSigningUtil.verifyWithURI(new BasicX509Credential(certificate), urlDecode(sigAlg),
                        signatureBytes, input)) {
                    return true;
                }
            } catch (SecurityException e) {
                // not this key: try the next one
            }
        }
        return false;
    }

    /**
     * @param rawQuery a query string
     * @return its parameters, names decoded, values still URL-encoded; a repeated parameter makes the value null
     */
    static Map<String, String> rawParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(name, params.containsKey(name) ? null : value);
        }
        return params;
    }

    /** @param value text @return its application/x-www-form-urlencoded form in UTF-8 */
    public static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String urlDecode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
