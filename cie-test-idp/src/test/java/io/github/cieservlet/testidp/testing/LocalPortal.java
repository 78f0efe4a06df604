package io.github.cieservlet.testidp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testidp.TestIdpListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

/**
 * The test IdPs inside a real servlet container on 127.0.0.1 (Jetty, context {@code /portale}, cie.environment
 * local), next to a stand-in service provider that only publishes its CIE metadata at {@code /cie/metadata} and its
 * SPID metadata at {@code /cie/metadata/spid}; with what a test needs to play the browser.
 */
public final class LocalPortal implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final Server server;
    private final String base;
    private final AtomicInteger spMetadataReads = new AtomicInteger();

    private LocalPortal() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        connector.open();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/portale";

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/portale");
        context.setInitParameter("cie.environment", "local");
        context.setInitParameter("cie.publicBaseUrl", base);
        context.addServlet(new ServletHolder(metadata(acs -> TestSp.metadataXml(TestSp.key().certificate(), acs))),
                "/cie/metadata");
        context.addServlet(new ServletHolder(metadata(acs -> TestSp.spidMetadataXml(TestSp.key().certificate(), acs))),
                "/cie/metadata/spid");
        context.addEventListener(new TestIdpListener());
        server.setHandler(context);
        server.start();
    }

    /**
     * @return a started portal
     * @throws Exception when Jetty cannot start
     */
    public static LocalPortal start() throws Exception {
        return new LocalPortal();
    }

    private HttpServlet metadata(Function<String, String> xmlForAcs) {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                spMetadataReads.incrementAndGet();
                response.setContentType("application/samlmetadata+xml");
                response.getOutputStream().write(xmlForAcs.apply(acsUrl()).getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** @return the public base URL, e.g. {@code http://127.0.0.1:40123/portale} */
    public String base() {
        return base;
    }

    /** @return the service provider's ACS, index 0 of both metadata documents */
    public String acsUrl() {
        return base + "/cie/acs";
    }

    /** @return how many times a test IdP read a service provider metadata document */
    public int spMetadataReads() {
        return spMetadataReads.get();
    }

    /**
     * @param path a path under the base URL, with its query
     * @return the answer to a GET
     * @throws Exception when the request fails
     */
    public HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * @param path a path under the base URL
     * @param form the form fields, sent in order
     * @return the answer to a form POST
     * @throws Exception when the request fails
     */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * @param metadataPath the path of a test IdP's metadata
     * @return the signing certificate it publishes
     * @throws Exception when it cannot be read
     */
    public X509Certificate idpCertificate(String metadataPath) throws Exception {
        EntityDescriptor entity = SecureXml.parse(get(metadataPath).body().getBytes(StandardCharsets.UTF_8),
                EntityDescriptor.class);
        return KeyInfoSupport.getCertificates(entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS).getKeyDescriptors()
                .get(0).getKeyInfo()).get(0);
    }

    /**
     * @param html an auto-POST page
     * @return the Response it carries
     * @throws Exception when there is none
     */
    public static Response samlResponse(String html) throws Exception {
        return SecureXml.parse(Base64.getDecoder().decode(field(html, "SAMLResponse")), Response.class);
    }

    /**
     * @param html a page with a form
     * @param name a field name
     * @return the value of the first field with that name, unescaped
     */
    public static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("field " + name + " in " + html).isTrue();
        return unescape(matcher.group(1));
    }

    /**
     * @param html a page with a form
     * @return the action of the first form, unescaped
     */
    public static String formAction(String html) {
        Matcher matcher = Pattern.compile("<form [^>]*action=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("a form in " + html).isTrue();
        return unescape(matcher.group(1));
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
