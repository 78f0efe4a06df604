package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.store.InMemoryReplayCache;
import io.github.cieservlet.store.ReplayCaches;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cie.stateStore: memory by default, jcache: and jndi: read, wrong values and unusable stores name the param. */
class StateStoreSettingsTest {

    @TempDir
    Path dir;

    private CieSettings read(String value) {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        if (value != null) {
            params.put("cie.stateStore", value);
        }
        return new CieSettingsReader(new ParamSource(params, Map.of(), Map.of()), getClass().getClassLoader(),
                Clock.systemUTC()).read();
    }

    @Test
    void memoryByDefaultJcacheAndJndiByName() {
        assertThat(read(null).stateStore().kind()).isEqualTo(StateStoreLocation.Kind.MEMORY);
        StateStoreLocation jcache = read("jcache:cie-replay").stateStore();
        assertThat(jcache.kind()).isEqualTo(StateStoreLocation.Kind.JCACHE);
        assertThat(jcache.name()).isEqualTo("cie-replay");
        assertThat(read("jndi:java:comp/env/jdbc/cie").stateStore().name()).isEqualTo("java:comp/env/jdbc/cie");
        assertThat(ReplayCaches.open(StateStoreLocation.MEMORY, 10, getClass().getClassLoader(), Clock.systemUTC()))
                .isInstanceOf(InMemoryReplayCache.class);
    }

    @Test
    void wrongValuesNameTheParamAndTheChoices() {
        assertThatThrownBy(() -> read("redis://cache")).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.stateStore: 'redis://cache' is not valid; use memory, jcache:<cache name>");
        assertThatThrownBy(() -> read("jcache:")).hasMessageContaining("cie.stateStore: jcache: needs a name");
    }

    @Test
    void aMissingDataSourceStopsStartupNamingTheParam() {
        assertThatThrownBy(() -> ReplayCaches.open(StateStoreLocation.parse("jndi:java:comp/env/jdbc/cie"), 10,
                getClass().getClassLoader(), Clock.systemUTC())).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.stateStore: no DataSource is bound at java:comp/env/jdbc/cie");
    }
}
