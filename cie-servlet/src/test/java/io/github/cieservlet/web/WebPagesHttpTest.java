package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.testing.TestSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parts of the web layer every endpoint shares, in a real embedded container (Jetty 12, ee10) over real
 * HTTP on 127.0.0.1: the error page ({@link ErrorPageRenderer}, {@link PageWriter}, {@link Html}), the bounded
 * form reader ({@link FormBody}) and the metadata endpoint ({@link MetadataServlet}). One server for the class.
 */
class WebPagesHttpTest {

    private static final int MAX_FORM_BYTES = 64;
    private static final String CONTEXT = "/portale";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static Server server;
    private static String base;
    private static CieServiceProvider provider;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(CONTEXT);
        provider = new CieServiceProvider(TestSettings.settings(), Clock.systemUTC(), WebPagesHttpTest.class.getClassLoader(),
                List.of());
        context.setAttribute(CieServiceProvider.CONTEXT_ATTRIBUTE, provider);
        context.addServlet(new ServletHolder(new MetadataServlet()), "/cie/metadata");
        context.addServlet(new ServletHolder(new ErrorServlet()), "/error/*");
        context.addServlet(new ServletHolder(new FormServlet()), "/form/*");
        // A filter that makes the container parse the body first, as some frameworks' filters do.
        context.addFilter(new FilterHolder((Filter) (request, response, chain) -> {
            request.getParameterMap();
            chain.doFilter(request, response);
        }), "/form/parsed-first", EnumSet.allOf(DispatcherType.class));
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + CONTEXT;
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    // ---- error page ----

    @Test
    void errorPage_hasTheErrorsStatus_itsCode_andTheSafetyHeaders() throws Exception {
        HttpResponse<String> page = get("/error/SIGNATURE_INVALID", null);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html").containsIgnoringCase("charset=utf-8"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Pragma")).contains("no-cache");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; style-src 'unsafe-inline';"
                + " img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                .hasValueSatisfying(csp -> assertThat(csp).doesNotContain("script-src"));
        assertThat(page.body()).contains("CIE-SIGNATURE_INVALID")
                .contains("href=\"" + CONTEXT + "/cie/login\"")
                .contains("href=\"" + CONTEXT + "/\"");
    }

    /** "Riprova" starts the login again for the page the failed login was for, encoded as one query value. */
    @Test
    void errorPage_retryKeepsTheRememberedTarget() throws Exception {
        HttpResponse<String> page = get("/error/SIGNATURE_INVALID?remember=%2Farea%2Fpratica%3Fid%3D7%26x%3D%22", null);

        assertThat(page.body()).contains("href=\"" + CONTEXT + "/cie/login?target=%2Farea%2Fpratica%3Fid%3D7%26x%3D%22\"");
    }

    /** An empty target (a login link with target=) is no target: the retry link carries none, not "/". */
    @Test
    void errorPage_retryWithAnEmptyRememberedTargetCarriesNone() throws Exception {
        HttpResponse<String> page = get("/error/SIGNATURE_INVALID?remember=", null);

        assertThat(page.body()).contains("href=\"" + CONTEXT + "/cie/login\"").doesNotContain("target=");
    }

    /**
     * A remembered target that is not a page of this application (it came from the attacker's own link) is
     * dropped: the retry link carries no target, so the login ends at cie.defaultTarget, never on another site.
     */
    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
        "/a\r\nLocation: https://evil.example/", "evil"})
    void errorPage_retryDropsAHostileTarget(String hostile) throws Exception {
        HttpResponse<String> page = get("/error/INVALID_TARGET?remember="
                + java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8), null);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("href=\"" + CONTEXT + "/cie/login\"").doesNotContain("evil")
                .doesNotContain("target=");
    }

    /** The technical detail goes to the log, never to the citizen; nor does anything that looks like a trace. */
    @Test
    void errorPage_neverShowsTheTechnicalDetail() throws Exception {
        HttpResponse<String> page = get("/error/MALFORMED_RESPONSE", null);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).doesNotContain(ErrorServlet.DETAIL).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void errorPage_isItalianByDefault_andForItalianOrUnknownLanguages() throws Exception {
        for (String languages : new String[] {null, "it", "IT-it", "fr, it;q=0.5", "fr", "de-DE,es;q=0.8"}) {
            HttpResponse<String> page = get("/error/SIGNATURE_INVALID", languages);
            assertThat(page.body()).as("Accept-Language %s", languages).contains("<html lang=\"it\">")
                    .contains("Accesso rifiutato per la tua sicurezza").contains("Codice errore:");
        }
    }

    /** English when the browser lists English before Italian; the first of the two wins. */
    @Test
    void errorPage_isEnglishWhenEnglishComesFirst() throws Exception {
        for (String languages : new String[] {"en", "EN-gb", "en-US,it;q=0.5", "fr, en;q=0.9, it;q=0.8"}) {
            HttpResponse<String> page = get("/error/SIGNATURE_INVALID", languages);
            assertThat(page.body()).as("Accept-Language %s", languages).contains("<html lang=\"en\">")
                    .contains("Login refused for your security").contains("Error code:");
        }
        assertThat(get("/error/SIGNATURE_INVALID", "it, en").body()).contains("<html lang=\"it\">");
    }

    /** Message texts are HTML-escaped: the apostrophe of "dell'identità" never reaches the page raw. */
    @Test
    void errorPage_escapesItsTexts() throws Exception {
        HttpResponse<String> page = get("/error/SIGNATURE_INVALID", "it");

        assertThat(page.body()).contains("gestore dell&#39;identità CIE").doesNotContain("dell'identità");
    }

    /** Once the response is committed, the renderer only logs: it does not write a second page into it. */
    @Test
    void errorPage_afterTheResponseWasCommitted_addsNothing() throws Exception {
        HttpResponse<String> page = get("/error/committed", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("partial");
    }

    /** What the application wrote before the refusal (not yet sent) is thrown away: the page is the error page alone. */
    @Test
    void errorPage_replacesWhatWasBufferedBefore() throws Exception {
        HttpResponse<String> page = get("/error/buffered", null);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).startsWith("<!DOCTYPE html>").doesNotContain("half-written");
    }

    // ---- form body ----

    @Test
    void form_isDecoded() throws Exception {
        HttpResponse<String> answer = post("/form", "application/x-www-form-urlencoded",
                "SAMLResponse=PD94%2Bbg%3D%3D&RelayState=a+b&flag&=v");

        assertThat(answer.body()).isEqualTo("SAMLResponse=PD94+bg==|RelayState=a b|flag=|=v");
    }

    /** Content-Type is compared case-insensitively and may carry a charset; anything else is refused. */
    @Test
    void form_contentTypeVariants() throws Exception {
        assertThat(post("/form", "Application/X-WWW-Form-Urlencoded; charset=UTF-8", "SAMLResponse=x").body())
                .startsWith("SAMLResponse=x");
        assertThat(post("/form", "text/plain", "SAMLResponse=x").body()).isEqualTo("CIE-MISSING_RESPONSE");
        assertThat(post("/form", null, "SAMLResponse=x").body()).isEqualTo("CIE-MISSING_RESPONSE");
        assertThat(post("/form", "multipart/form-data; boundary=x", "SAMLResponse=x").body()).isEqualTo("CIE-MISSING_RESPONSE");
    }

    /** Names are case-sensitive: "samlresponse" is another parameter, not the SAMLResponse. */
    @Test
    void form_namesAreCaseSensitive() throws Exception {
        assertThat(post("/form", "application/x-www-form-urlencoded", "samlresponse=evil").body())
                .isEqualTo("SAMLResponse=null|RelayState=null|flag=null");
    }

    @Test
    void form_parameterSentTwice_isRefused() throws Exception {
        assertThat(post("/form", "application/x-www-form-urlencoded", "SAMLResponse=a&SAMLResponse=b").body())
                .isEqualTo("CIE-MALFORMED_RESPONSE");
        assertThat(post("/form", "application/x-www-form-urlencoded", "RelayState=a&RelayState=a").body())
                .isEqualTo("CIE-MALFORMED_RESPONSE");
    }

    @Test
    void form_notUrlEncoded_isRefused() throws Exception {
        assertThat(post("/form", "application/x-www-form-urlencoded", "SAMLResponse=%zz").body()).isEqualTo("CIE-MISSING_RESPONSE");
    }

    /** The limit is inclusive, for a declared Content-Length and for a chunked body alike. */
    @Test
    void form_sizeLimitBoundary() throws Exception {
        String atLimit = "SAMLResponse=" + "a".repeat(MAX_FORM_BYTES - "SAMLResponse=".length());
        assertThat(atLimit).hasSize(MAX_FORM_BYTES);

        assertThat(post("/form", "application/x-www-form-urlencoded", atLimit).body()).startsWith("SAMLResponse=aaa");
        assertThat(post("/form", "application/x-www-form-urlencoded", atLimit + "a").body()).isEqualTo("CIE-RESPONSE_TOO_LARGE");
        assertThat(postChunked(atLimit).body()).startsWith("SAMLResponse=aaa");
        assertThat(postChunked(atLimit + "a").body()).isEqualTo("CIE-RESPONSE_TOO_LARGE");
    }

    /** When a filter made the container parse the body first, its parameters are used, still one value each. */
    @Test
    void form_alreadyParsedByTheContainer() throws Exception {
        assertThat(post("/form/parsed-first", "application/x-www-form-urlencoded", "SAMLResponse=PD94&RelayState=r").body())
                .isEqualTo("SAMLResponse=PD94|RelayState=r|flag=null");
        assertThat(post("/form/parsed-first", "application/x-www-form-urlencoded", "SAMLResponse=a&SAMLResponse=b").body())
                .isEqualTo("CIE-MALFORMED_RESPONSE");
    }

    @Test
    void form_emptyBody_hasNoParameters() throws Exception {
        assertThat(post("/form", "application/x-www-form-urlencoded", "").body())
                .isEqualTo("SAMLResponse=null|RelayState=null|flag=null");
    }

    // ---- metadata ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/cie/metadata", "/cie/metadata?download"})
    void metadata_isTheSignedSpMetadata(String path) throws Exception {
        HttpResponse<String> answer = get(path, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/samlmetadata+xml").containsIgnoringCase("charset=utf-8"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.headers().firstValueAsLong("Content-Length"))
                .hasValue(provider.spMetadataXml().getBytes(StandardCharsets.UTF_8).length);
        assertThat(answer.body()).isEqualTo(provider.spMetadataXml());
        assertThat(answer.headers().firstValue("Content-Disposition")).isEqualTo(path.endsWith("download")
                ? Optional.of("attachment; filename=\"cie-sp-metadata.xml\"") : Optional.empty());
    }

    // ---- helpers ----

    private static HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A body without Content-Length (chunked): only the bounded read can stop it. */
    private static HttpResponse<String> postChunked(String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/form")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Renders the error named by the path, with a technical detail that must stay in the log. */
    private static final class ErrorServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        static final String DETAIL = "detail-for-the-log-only <script>";

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ErrorPageRenderer renderer = new ErrorPageRenderer("/cie/login");
            if ("/buffered".equals(request.getPathInfo())) {
                response.getWriter().write("half-written page");
                renderer.render(request, response, CieError.SIGNATURE_INVALID, DETAIL);
                return;
            }
            if ("/committed".equals(request.getPathInfo())) {
                response.getWriter().write("partial");
                response.flushBuffer();
                renderer.render(request, response, CieError.SIGNATURE_INVALID, DETAIL);
                return;
            }
            if (request.getParameter("remember") != null) {
                ErrorPageRenderer.rememberTarget(request, request.getParameter("remember"));
            }
            renderer.render(request, response, CieError.valueOf(request.getPathInfo().substring(1)), DETAIL);
        }
    }

    /** Reads the form with {@link FormBody} and echoes three parameters, or the refusal's code. */
    private static final class FormServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=UTF-8");
            try {
                FormBody form = FormBody.read(request, MAX_FORM_BYTES);
                response.getWriter().write("SAMLResponse=" + form.get("SAMLResponse") + "|RelayState=" + form.get("RelayState")
                        + "|flag=" + form.get("flag") + (form.get("") == null ? "" : "|=" + form.get("")));
            } catch (CieAuthenticationException e) {
                response.getWriter().write(e.error().code());
            }
        }
    }
}
