package io.github.cieservlet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.cache.impl.HazelcastServerCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.cieservlet.testing.MutableClock;
import io.github.cieservlet.testing.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.cache.configuration.MutableConfiguration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay cache shared by two nodes, on a real PostgreSQL and on a real Hazelcast cluster of two embedded
 * members: an ID used on node A is refused on node B; of many concurrent uses on both nodes one only wins; an ID
 * whose time is over may be used again.
 */
class SharedReplayCachesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static HazelcastInstance memberA;
    private static HazelcastInstance memberB;

    @BeforeAll
    static void startHazelcast() throws IOException {
        String cluster = "cie-test-" + ProcessHandle.current().pid();
        int port = freePort();
        memberA = Hazelcast.newHazelcastInstance(member(cluster, port));
        memberB = Hazelcast.newHazelcastInstance(member(cluster, port));
        assertThat(memberB.getCluster().getMembers()).hasSize(2);
    }

    @AfterAll
    static void stopHazelcast() {
        for (HazelcastInstance member : new HazelcastInstance[] {memberB, memberA}) {
            if (member != null) {
                member.shutdown();
            }
        }
    }

    static Config member(String cluster, int port) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(2);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + (port + 1));
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static ReplayCache jcacheOn(HazelcastInstance member, String cacheName, Clock clock) {
        // Each member's own provider, as each node of a cluster has one.
        return JCacheReplayCache.open(new HazelcastServerCachingProvider(member), cacheName, clock);
    }

    private static void assertSharedAcrossNodes(ReplayCache nodeA, ReplayCache nodeB, MutableClock clock) {
        Instant expiry = NOW.plusSeconds(300);
        assertThat(nodeA.firstUse("response:_r1", expiry)).isTrue();
        assertThat(nodeB.firstUse("response:_r1", expiry)).as("replay on the other node").isFalse();
        assertThat(nodeA.firstUse("response:_r1", expiry)).isFalse();
        assertThat(nodeB.firstUse("assertion:_r1", expiry)).as("namespaces are apart").isTrue();
        clock.set(NOW.plusSeconds(301));
        assertThat(nodeB.firstUse("response:_r1", NOW.plusSeconds(900))).as("time over: new again").isTrue();
        assertThat(nodeA.firstUse("response:_r1", NOW.plusSeconds(900))).isFalse();
    }

    private static void assertOneWinnerAmongConcurrentNodes(ReplayCache nodeA, ReplayCache nodeB) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ReplayCache node = i % 2 == 0 ? nodeA : nodeB;
                uses.add(pool.submit((Callable<Boolean>) () -> node.firstUse("assertion:_race", NOW.plusSeconds(300))));
            }
            int winners = 0;
            for (Future<Boolean> use : uses) {
                winners += use.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void jdbcCacheIsSharedByTheNodesOfOneDatabase() throws Exception {
        DataSource database = TestPostgres.newDatabase();
        MutableClock clock = new MutableClock(NOW);
        assertSharedAcrossNodes(new JdbcReplayCache(database, "node A", clock),
                new JdbcReplayCache(database, "node B", clock), clock);
        MutableClock later = new MutableClock(NOW);
        assertOneWinnerAmongConcurrentNodes(new JdbcReplayCache(database, "node A", later),
                new JdbcReplayCache(database, "node B", later));
    }

    @Test
    void jdbcCacheFailsClosedWhenTheDatabaseIsDown() {
        JdbcReplayCache cache = new JdbcReplayCache(TestPostgres.down(), "java:comp/env/jdbc/cie", Clock.systemUTC());
        assertThatThrownBy(() -> cache.firstUse("response:_r", NOW.plusSeconds(60)))
                .isInstanceOf(StateStoreUnavailableException.class)
                .hasMessageContaining("cie.stateStore", "java:comp/env/jdbc/cie", "SQLState 08");
    }

    @Test
    void jcacheFailsClosedWhenTheCacheCannotBeUsed() {
        MutableClock clock = new MutableClock(NOW);
        HazelcastServerCachingProvider provider = new HazelcastServerCachingProvider(memberA);
        javax.cache.Cache<Object, Object> closed = provider.getCacheManager(provider.getDefaultURI(),
                provider.getDefaultClassLoader()).createCache("cie-replay-closed", new MutableConfiguration<>());
        ReplayCache cache = new JCacheReplayCache(closed, clock);
        closed.close();
        assertThatThrownBy(() -> cache.firstUse("response:_r", NOW.plusSeconds(60)))
                .isInstanceOf(StateStoreUnavailableException.class)
                .hasMessageContaining("cie.stateStore", "JCache cache cie-replay-closed");
    }

    @Test
    void jcacheIsSharedByTheMembersOfAHazelcastCluster() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        assertSharedAcrossNodes(jcacheOn(memberA, "cie-replay-1", clock), jcacheOn(memberB, "cie-replay-1", clock),
                clock);
        MutableClock later = new MutableClock(NOW);
        assertOneWinnerAmongConcurrentNodes(jcacheOn(memberA, "cie-replay-2", later),
                jcacheOn(memberB, "cie-replay-2", later));
    }
}
