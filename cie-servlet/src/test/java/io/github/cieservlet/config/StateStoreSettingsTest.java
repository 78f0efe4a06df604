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
    void idpMetadataCacheAndPinsAreCheckedAtStartup() {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        params.put("cie.idpMetadataCache", dir.resolve("idp.xml").toString());
        params.put("cie.idpCertificatePins", "75:64:B9:23:8A:5D:F0:49:E8:18:1E:66:70:3F:03:8D:28:E8:A8:73:84:5E:B5:68:B4:6A:5A:CF:D8:1D:D9:0F, ");
        CieSettings settings = new CieSettingsReader(new ParamSource(params, Map.of(), Map.of()),
                getClass().getClassLoader(), Clock.systemUTC()).read();
        assertThat(settings.idpMetadataCache()).contains(dir.resolve("idp.xml"));
        assertThat(settings.idpCertificatePins())
                .containsExactly("7564b9238a5df049e8181e66703f038d28e8a873845eb568b46a5acfd81dd90f");

        params.put("cie.idpMetadataCache", "relative/idp.xml");
        params.put("cie.idpCertificatePins", "75:64:B9");
        assertThatThrownBy(() -> new CieSettingsReader(new ParamSource(params, Map.of(), Map.of()),
                getClass().getClassLoader(), Clock.systemUTC()).read()).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.idpMetadataCache: must be an absolute file path")
                .hasMessageContaining("cie.idpCertificatePins: '75:64:B9' is not a SHA-256 fingerprint");
    }

    @Test
    void aMissingDataSourceStopsStartupNamingTheParam() {
        assertThatThrownBy(() -> ReplayCaches.open(StateStoreLocation.parse("jndi:java:comp/env/jdbc/cie"), 10,
                getClass().getClassLoader(), Clock.systemUTC())).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.stateStore: no DataSource is bound at java:comp/env/jdbc/cie");
    }
}
