package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks that need the whole portal: an oversized SAMLResponse, login targets that try to send the browser to
 * another host, and session fixation. The protocol-level attacks are unit tests in cie-servlet
 * ({@code ConformanceMatrixTest}, {@code SignatureWrappingTest}, {@code SignatureAttackTest},
 * {@code XmlAttackTest}); replays and other browsers' Responses are in {@link RefusalIT}.
 */
@ExtendWith(PortalServer.class)
class SecurityIT {

    private static final String SESSION_COOKIE = "JSESSIONID";

    /**
     * Guards FormBody's limit ({@code cie.maxResponseBytes}, 256 KiB by default): a 10 MB SAMLResponse with its
     * Content-Length is refused with 413 from the headers alone, before the container or the XML parser reads it.
     * The ACS answers before the upload ends and then closes the connection, so a client that only reads after
     * sending everything sees a broken pipe: this test reads while it sends, as browsers do.
     */
    @Test
    void tenMegabyteResponseIsRefusedWith413() throws Exception {
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> postRaw(10 * 1024 * 1024, false));
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer).contains("CIE-RESPONSE_TOO_LARGE");
        assertThat(answer.toLowerCase(Locale.ROOT)).doesNotContain("\r\nlocation:");
    }

    /** Same, with no Content-Length (chunked): the ACS counts what it reads and stops at the limit. */
    @Test
    void tenMegabyteChunkedResponseIsRefusedWith413() throws Exception {
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> postRaw(10 * 1024 * 1024, true));
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer).contains("CIE-RESPONSE_TOO_LARGE");
    }

    /**
     * POSTs {@code SAMLResponse=AAAA...} of the given size to the ACS over a plain socket, writing in one thread
     * and reading in another.
     *
     * @return what the server answered (status line, headers and page) before closing
     */
    private static String postRaw(int size, boolean chunked) throws Exception {
        URI portal = URI.create(PortalServer.baseUrl());
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(20_000);
            byte[] prefix = "SAMLResponse=".getBytes(StandardCharsets.US_ASCII);
            String headers = "POST /cie/acs HTTP/1.1\r\nHost: " + portal.getHost() + ":" + portal.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + (prefix.length + size) + "\r\n") + "\r\n";
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(headers.getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) 'A');
                    writeBody(out, prefix, chunked);
                    for (int sent = 0; sent < size; sent += chunk.length) {
                        writeBody(out, chunk, chunked);
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before the upload ended: expected
                }
            }, "oversized-upload");
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                InputStream in = socket.getInputStream();
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                // reset after the answer: keep what was read
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void writeBody(OutputStream out, byte[] data, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(data);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Guards TargetUrlPolicy and the absolute redirect on {@code cie.publicBaseUrl}: whatever the {@code target}
     * of a login (another host, {@code //evil}, backslashes, schemes, percent-encoded once or twice, tab and
     * newline), the browser is either refused with 400 {@code CIE-INVALID_TARGET} or, after a successful login,
     * redirected to a page of the portal; no Location ever leaves {@link PortalServer#baseUrl()}.
     */
    @Test
    void loginTargetsNeverSendTheBrowserAwayFromThePortal() throws Exception {
        List<String> rawTargets = List.of("https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2F%2F%2Fevil.example",
                "%5C%5Cevil.example", "%2F%5Cevil.example", "javascript%3Aalert(1)", "JaVaScRiPt%3Aalert(1)",
                "%252F%252Fevil.example", "%25252F%25252Fevil.example", "%09%2F%2Fevil.example", "%2F%09%2Fevil.example",
                "%2F%0A%2Fevil.example", "%2F%0D%0A%2Fevil.example", "%E3%80%80%2F%2Fevil.example",
                "%2F%252F%252Fevil.example", "%2F%255C%255Cevil.example", "%2F%40evil.example", "%2F..%2F%2Fevil.example",
                "%2F%3Fnext%3D%2F%2Fevil.example");
        int refused = 0;
        int followed = 0;
        for (String raw : rawTargets) {
            try (CieBrowser browser = new CieBrowser()) {
                Page start = browser.get("/cie/login?target=" + raw);
                int status = start.getWebResponse().getStatusCode();
                if (status == 400) {
                    assertThat(start.getWebResponse().getContentAsString()).as(raw).contains("CIE-INVALID_TARGET");
                    refused++;
                    continue;
                }
                assertThat(status).as(raw).isEqualTo(200);
                HtmlPage autoPost = browser.choose(browser.openProtectedPageUntilIdp("/cie/login?target=" + raw),
                        "MARIO_ROSSI", "SUCCESS", "L3");
                browser.client().getOptions().setRedirectEnabled(false);
                Page acs = browser.postToAcs(autoPost);
                assertThat(acs.getWebResponse().getStatusCode()).as(raw).isEqualTo(303);
                String location = acs.getWebResponse().getResponseHeaderValue("Location");
                assertOnThePortal(raw, location);
                browser.client().getOptions().setRedirectEnabled(true);
                Page landed = browser.client().getPage(location);
                assertOnThePortal(raw, landed.getUrl().toString());
                followed++;
            }
        }
        assertThat(refused).as("targets refused").isGreaterThanOrEqualTo(14);
        assertThat(followed).as("look-alike targets followed, on the portal").isGreaterThanOrEqualTo(3);
    }

    /**
     * Guards the session-id change at login ({@code AssertionConsumerServlet}: {@code changeSessionId()}, or a new
     * session) and the invalidation at logout ({@code LogoutServlet}): no session id the browser held before a
     * login (one planted by an attacker, or the one of an earlier login) is the one after it, and an old id
     * replayed in another browser never authenticates.
     */
    @Test
    void loginNeverKeepsAnEarlierSessionIdAndLogoutKillsTheSession() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            URL base = new URL(PortalServer.baseUrl());
            browser.client().getCookieManager().addCookie(new Cookie(base.getHost(), SESSION_COOKIE,
                    "attacker-chosen-session-id-0123456789", "/", null, false, true));
            Set<String> heldBefore = new HashSet<>(sessionIds(browser));
            assertThat(heldBefore).contains("attacker-chosen-session-id-0123456789");

            browser.login("/area-riservata/", "MARIO_ROSSI", "SUCCESS", "L3");
            String first = sessionId(browser);
            assertThat(first).isNotNull().isNotIn(heldBefore);
            assertThat(authenticates(first)).as("the new session id authenticates").isTrue();
            assertThat(authenticates("attacker-chosen-session-id-0123456789")).isFalse();

            // a second login while the first session is alive: the existing session gets a new id
            browser.login("/cie/login?target=%2Farea-riservata%2F", "ANNA_MARIA_D_ANGELO", "SUCCESS", "L3");
            String second = sessionId(browser);
            assertThat(second).isNotNull().isNotEqualTo(first);
            assertThat(authenticates(first)).as("the session id before the second login").isFalse();
            assertThat(authenticates(second)).isTrue();

            HtmlPage area = (HtmlPage) browser.get("/area-riservata/");
            area.getElementById("logout").click();
            assertThat(authenticates(second)).as("the session id after logout").isFalse();
        }
    }

    /** @return whether a fresh browser presenting only this session id reaches a protected page */
    private static boolean authenticates(String sessionId) throws Exception {
        try (CieBrowser other = new CieBrowser()) {
            URL base = new URL(PortalServer.baseUrl());
            other.client().getCookieManager().addCookie(new Cookie(base.getHost(), SESSION_COOKIE, sessionId, "/", null,
                    false, true));
            Page page = other.get("/area-riservata/whoami");
            return page.getWebResponse().getStatusCode() == 200 && "/area-riservata/whoami".equals(page.getUrl().getPath());
        }
    }

    private static String sessionId(CieBrowser browser) {
        Cookie cookie = browser.client().getCookieManager().getCookie(SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static List<String> sessionIds(CieBrowser browser) {
        return browser.client().getCookieManager().getCookies().stream().filter(c -> SESSION_COOKIE.equals(c.getName()))
                .map(Cookie::getValue).collect(Collectors.toList());
    }

    private static void assertOnThePortal(String raw, String location) {
        URI portal = URI.create(PortalServer.baseUrl());
        URI uri = URI.create(location);
        assertThat(uri.getScheme()).as(raw).isEqualTo(portal.getScheme());
        assertThat(uri.getHost()).as(raw).isEqualTo(portal.getHost());
        assertThat(uri.getPort()).as(raw).isEqualTo(portal.getPort());
        assertThat(location).as(raw).startsWith(PortalServer.baseUrl() + "/");
    }

    /**
     * The bundled test IdP, in the sample on Jetty, refuses what came through a proxy (item 5 of issue 9): the
     * same request is answered without the header and refused with it, on its metadata and on its SSO endpoint.
     */
    @Test
    void testIdpRefusesRequestsThatCameThroughAProxy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/cie-test-idp/metadata", "/cie-test-idp/profile/SAML2/Redirect/SSO?SAMLRequest=x")) {
            URI uri = URI.create(PortalServer.baseUrl() + path);
            HttpResponse<String> direct = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(direct.body()).as(path).doesNotContain("Access denied");
            for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
                HttpResponse<String> proxied = client.send(HttpRequest.newBuilder(uri)
                        .header(header, "for=192.0.2.99").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(proxied.statusCode()).as(path + " with " + header).isEqualTo(403);
                assertThat(proxied.body()).contains("Accesso negato", "Access denied");
            }
        }
    }
}
