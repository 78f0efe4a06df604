package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.evidence.ChainVerifier;
import io.github.cieservlet.evidence.JdbcEvidenceStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.plus.webapp.EnvConfiguration;
import org.eclipse.jetty.ee10.plus.webapp.PlusConfiguration;
import org.eclipse.jetty.ee10.webapp.JndiConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.plus.jndi.EnvEntry;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.JDBCSessionDataStoreFactory;
import org.eclipse.jetty.session.NullSessionCacheFactory;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the sample WAR (two Jetty 12 servers, each web application in its own class loader) behind a
 * round-robin balancer without session affinity ({@link RoundRobinProxy}), configured only by {@code cie.*}
 * properties: the same SP key (the WAR's), {@code cie.stateStore} and {@code cie.evidence} on one real PostgreSQL
 * DataSource in JNDI ({@code java:comp/env/jdbc/cie}), and the container's HTTP sessions in the same database (Jetty's
 * JDBC session store with no session cache: the citizen's session is the container's concern). The identity
 * provider is the test IdP of a third server of the same WAR, outside the cluster (the balancer sends
 * {@code /cie-test-idp/} there). Servers are started once; the tests run in order because the last ones stop
 * node A and then PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String JNDI_NAME = "jdbc/cie";
    private static final String PENDING = "cie_pending_";

    private static EmbeddedPostgres postgres;
    private static DataSource database;
    private static RoundRobinProxy proxy;
    private static Server idp;
    private static Server nodeA;
    private static Server nodeB;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
        proxy = new RoundRobinProxy();
        // the identity provider first: each node reads its metadata through the balancer as it starts
        idp = PortalServer.startAnother(Map.of("cie.publicBaseUrl", proxy.baseUrl()));
        proxy.identityProvider(port(idp));
        nodeA = startNode();
        nodeB = startNode();
        proxy.addNode("A", port(nodeA));
        proxy.addNode("B", port(nodeB));
    }

    private static Server startNode() throws Exception {
        String jndi = "jndi:java:comp/env/" + JNDI_NAME;
        return PortalServer.startAnother(Map.of("cie.publicBaseUrl", proxy.baseUrl(), "cie.stateStore", jndi,
                "cie.evidence", jndi), (server, webapp) -> {
                    try {
                        webapp.addConfiguration(new JndiConfiguration(), new EnvConfiguration(), new PlusConfiguration());
                        new EnvEntry(webapp, JNDI_NAME, database, true);
                    } catch (javax.naming.NamingException e) {
                        throw new IllegalStateException(e);
                    }
                    DatabaseAdaptor adaptor = new DatabaseAdaptor();
                    adaptor.setDatasource(database);
                    JDBCSessionDataStoreFactory sessions = new JDBCSessionDataStoreFactory();
                    sessions.setDatabaseAdaptor(adaptor);
                    server.addBean(sessions);
                    server.addBean(new NullSessionCacheFactory());
                });
    }

    private static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Server server : new Server[] {nodeA, nodeB, idp}) {
            if (server != null) {
                server.stop();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static CieBrowser browser() {
        return new CieBrowser(false, "it", proxy.baseUrl());
    }

    private static String other(String node) {
        return "A".equals(node) ? "B" : "A";
    }

    private static String pendingCookie(CieBrowser browser, String relayState) {
        for (Cookie cookie : browser.client().getCookieManager().getCookies()) {
            if (cookie.getName().equals(PENDING + relayState)) {
                return cookie.getValue();
            }
        }
        throw new AssertionError("no pending cookie for " + relayState);
    }

    private static void plantPendingCookie(CieBrowser browser, String relayState, String value) throws IOException {
        browser.client().getCookieManager().addCookie(new Cookie(new URL(proxy.baseUrl()).getHost(),
                PENDING + relayState, value, "/cie", null, false, true));
    }

    @Test
    @Order(1)
    void aLoginStartedOnOneNodeCompletesOnTheOther() throws Exception {
        try (CieBrowser browser = browser()) {
            proxy.nextTurn("B");
            HtmlPage autoPost = browser.choose(browser.openProtectedPageUntilIdp("/area-riservata/"), "MARIO_ROSSI",
                    "SUCCESS", "L3");
            Page area = browser.postToAcs(autoPost);
            assertThat(proxy.lastServedBy("/cie/login")).as(proxy.routed().toString()).isEqualTo("A");
            assertThat(proxy.lastServedBy("/cie/acs")).as(proxy.routed().toString()).isEqualTo("B");
            // the protected page and whoami then come from A and B in turn: the session is in the shared database
            browser.assertOnMarioRossisArea(area);
            assertThat(proxy.lastServedBy("/area-riservata/")).isEqualTo("A");
            assertThat(proxy.lastServedBy("/area-riservata/whoami")).isEqualTo("B");
        }
    }

    @Test
    @Order(2)
    void aResponseAcceptedOnOneNodeIsRefusedOnTheOther() throws Exception {
        try (CieBrowser victim = browser(); CieBrowser copy = browser()) {
            HtmlPage autoPost = victim.choose(victim.openProtectedPageUntilIdp("/area-riservata/whoami"), "MARIO_ROSSI",
                    "SUCCESS", "L3");
            String response = CieBrowser.field(autoPost, "SAMLResponse");
            String relayState = CieBrowser.field(autoPost, "RelayState");
            String cookie = pendingCookie(victim, relayState);
            assertThat(victim.postToAcs(autoPost).getWebResponse().getContentAsString())
                    .contains("remoteUser=RSSMRA80A01H501U");
            String accepting = proxy.lastServedBy("/cie/acs");

            // the same Response, with a copy of the browser's own pending-login cookie, on the other node...
            for (String node : List.of(other(accepting), accepting)) {
                plantPendingCookie(copy, relayState, cookie);
                proxy.nextTurn(node);
                Page replay = copy.postResponse(response, relayState);
                assertThat(proxy.lastServedBy("/cie/acs")).isEqualTo(node);
                // ...is refused as on one node (PendingLoginIT): the once-only record is in the shared database
                assertThat(replay.getWebResponse().getStatusCode()).as("replay on " + node).isEqualTo(403);
                assertThat(replay.getWebResponse().getContentAsString()).contains("CIE-REPLAYED_RESPONSE");
            }
            // and without the cookie, as on one node: no login in progress in this browser
            proxy.nextTurn(other(accepting));
            Page bare = victim.postResponse(response, relayState);
            assertThat(bare.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(bare.getWebResponse().getContentAsString()).contains("CIE-UNKNOWN_REQUEST");
        }
        ChainVerifier.Result chain = ChainVerifier.verify(new JdbcEvidenceStore(database, JNDI_NAME,
                Clock.systemUTC()));
        assertThat(chain.problem()).as("one evidence chain written by both nodes").isEmpty();
        assertThat(chain.checked()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(3)
    void whenTheNodeThatStartedTheLoginStopsTheOtherCompletesIt() throws Exception {
        try (CieBrowser browser = browser()) {
            proxy.nextTurn("B");
            HtmlPage chooser = browser.openProtectedPageUntilIdp("/area-riservata/");
            assertThat(proxy.lastServedBy("/cie/login")).isEqualTo("A");
            HtmlPage autoPost = browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3");
            nodeA.stop();
            proxy.nextTurn("A"); // A's turn: the balancer finds it down and passes the Response on to B
            Page area = browser.postToAcs(autoPost);
            assertThat(proxy.lastServedBy("/cie/acs")).isEqualTo("B");
            browser.assertOnMarioRossisArea(area);
        }
    }

    @Test
    @Order(4)
    void whenTheSharedStoreIsDownTheLoginIsRefusedWithItsOwnPage() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger library = Logger.getLogger("io.github.cieservlet");
        try (CieBrowser browser = browser()) {
            HtmlPage autoPost = browser.choose(browser.openProtectedPageUntilIdp("/area-riservata/"), "MARIO_ROSSI",
                    "SUCCESS", "L3");
            postgres.close();
            postgres = null;
            library.addHandler(handler);
            Page refused = browser.postToAcs(autoPost);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(503);
            assertThat(refused.getWebResponse().getContentAsString()).contains("CIE-STATE_STORE_UNAVAILABLE",
                    "problema tecnico temporaneo").doesNotContain("SQLState", "Exception");
        } finally {
            library.removeHandler(handler);
        }
        List<LogRecord> lines;
        synchronized (records) {
            assertThat(records).allSatisfy(r -> assertThat(r.getThrown()).as(r.getMessage()).isNull());
            lines = records.stream().filter(r -> r.getMessage().startsWith("CIE /cie/acs")).toList();
        }
        // one line for the refusal (the evidence store, in the same database, logs its own failure too)
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getLevel()).isEqualTo(Level.SEVERE);
        assertThat(lines.get(0).getThrown()).isNull();
        assertThat(lines.get(0).getMessage()).contains("/cie/acs", "cie.stateStore", "java:comp/env/" + JNDI_NAME,
                "SQLState");
    }
}
