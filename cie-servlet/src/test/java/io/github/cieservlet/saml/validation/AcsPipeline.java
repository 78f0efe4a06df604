package io.github.cieservlet.saml.validation;

import static org.assertj.core.api.Assertions.fail;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.store.PendingRequest;
import org.opensaml.saml.saml2.core.Response;

/**
 * What the ACS does with the bytes of a SAMLResponse ({@code web/AssertionConsumerServlet}): parse them with
 * {@link SecureXml#parse(byte[], Class)} (a {@link SamlXmlException} is {@link CieError#MALFORMED_RESPONSE}),
 * then validate with a fresh {@link TestResponses#validator()} and the identity provider of {@link TestResponses#idp()}.
 */
final class AcsPipeline {

    private AcsPipeline() {
    }

    /**
     * @param xml the received bytes
     * @param pending the pending request
     * @return the validated Response
     * @throws CieAuthenticationException when refused
     */
    static ValidatedResponse consume(byte[] xml, PendingRequest pending) throws CieAuthenticationException {
        Response response;
        try {
            response = SecureXml.parse(xml, Response.class);
        } catch (SamlXmlException e) {
            throw new CieAuthenticationException(CieError.MALFORMED_RESPONSE, e.getMessage(), e);
        }
        return TestResponses.validator().validate(response, pending, TestResponses.idp());
    }

    /** @param xml received bytes @return the validated Response @throws CieAuthenticationException when refused */
    static ValidatedResponse consume(byte[] xml) throws CieAuthenticationException {
        return consume(xml, TestResponses.pending());
    }

    /** @param xml received bytes that must be refused @return the refusal */
    static CieAuthenticationException refusal(byte[] xml) {
        try {
            ValidatedResponse accepted = consume(xml);
            return fail("expected a refusal, but Response %s was accepted for %s", accepted.responseId(),
                    accepted.identity().getFiscalCode());
        } catch (CieAuthenticationException e) {
            return e;
        }
    }
}
