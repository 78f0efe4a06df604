package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** cie.health: off by default, loopback, or a long token. */
class HealthAccessTest {

    @Test
    void offLoopbackOrALongToken() {
        assertThat(HealthAccess.parse("off").enabled()).isFalse();
        assertThat(HealthAccess.parse("loopback").loopbackOnly()).isTrue();
        HealthAccess token = HealthAccess.parse("token:" + "x".repeat(32));
        assertThat(token.enabled()).isTrue();
        assertThat(token.loopbackOnly()).isFalse();
        assertThat(token.token()).hasSize(32);
        assertThatThrownBy(() -> HealthAccess.parse("token:short")).hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> HealthAccess.parse("on")).hasMessageContaining("use off, loopback or token:");
    }
}
