package io.github.cieservlet.sample.it;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.XmlSigner;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.idp.IdpMetadataDocument;
import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.testidp.response.ResponseBuilder;
import io.github.cieservlet.testidp.response.TestCitizen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * An identity provider whose key the test holds, so it can sign what the real IdP would (or an attacker with a
 * stolen Response would tamper with): a portal started from the sample WAR trusts it through a metadata file, and
 * the test answers that portal's AuthnRequests itself. Its endpoints are on a closed port: the browser never goes
 * there.
 */
final class TrustedIdp {

    static final IdpEndpoints ENDPOINTS = new IdpEndpoints("http://127.0.0.1:9");

    private final IdpCredentials key = IdpCredentials.generate(Clock.systemUTC());

    /** A login the portal started in a browser: the AuthnRequest it signed and where the Response goes back. */
    record LoginStart(ReplyTo replyTo) {
    }

    /** @return the IdP key */
    IdpCredentials key() {
        return key;
    }

    /**
     * @param dir a folder for the IdP metadata file
     * @return a new portal that trusts this IdP; the caller stops it
     * @throws Exception when it cannot start
     */
    Server startPortal(Path dir) throws Exception {
        Path metadata = dir.resolve("idp-metadata.xml");
        Files.write(metadata, IdpMetadataDocument.build(ENDPOINTS, key.certificate()));
        return PortalServer.startAnother(Map.of("cie.idpMetadata", metadata.toUri().toString()));
    }

    /**
     * Opens the reserved area: the portal answers with its auto-submitting AuthnRequest form, which is read, not sent.
     *
     * @param browser a browser on the portal
     * @param base the portal's base URL
     * @return the login started
     * @throws IOException when the page cannot be read
     * @throws SamlXmlException when the form holds no AuthnRequest
     */
    static LoginStart startLogin(CieBrowser browser, String base) throws IOException, SamlXmlException {
        HtmlPage toIdp = (HtmlPage) browser.get("/area-riservata/");
        AuthnRequest request = SecureXml.parse(Base64.getDecoder().decode(CieBrowser.field(toIdp, "SAMLRequest")),
                AuthnRequest.class);
        return new LoginStart(new ReplyTo(request.getIssuer().getValue(), base + "/cie/acs", request.getID(),
                CieBrowser.field(toIdp, "RelayState")));
    }

    /**
     * @param login the login to answer
     * @param citizen who logs in
     * @return the Response this IdP would post, signed (Assertion, then Response)
     */
    String success(LoginStart login, TestCitizen citizen) {
        return new ResponseBuilder(ENDPOINTS, new XmlSigner(key.privateKey(), key.certificate()), Clock.systemUTC())
                .success(login.replyTo(), citizen, CieLevel.L3);
    }

    /**
     * Posts a Response XML to the portal's ACS as the IdP's auto-submitting form would.
     *
     * @param browser the browser that started the login
     * @param login the login
     * @param xml the Response XML
     * @return where the portal leads
     * @throws IOException when the request fails
     */
    static Page post(CieBrowser browser, LoginStart login, String xml) throws IOException {
        return browser.postResponse(Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)),
                login.replyTo().relayState());
    }
}
