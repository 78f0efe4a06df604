package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Loopback is read from the literal text only: names are never loopback, whatever DNS or the hosts file say. */
class LoopbackAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "127.3.2.1", "::1", "[::1]", "0:0:0:0:0:0:0:1",
        "0000:0000:0000:0000:0000:0000:0000:0001", "::0:1", "0::1", "::1%lo", "[0:0:0:0:0:0:0:1%1]", "::ffff:127.0.0.1",
        "0:0:0:0:0:ffff:7f00:1", "::FFFF:7F00:0001"})
    void loopbackLiteralsAreLoopback(String literal) {
        assertThat(LoopbackAddress.isLoopback(literal)).as(literal).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"localhost", "cafe", "dead", "beef", "abc", "ip6-localhost", "localhost.localdomain",
        "192.0.2.2", "10.0.0.1", "128.0.0.1", "0.0.0.0", "::", "::2", "1::1", "fd00::2", "fe80::1%eth0",
        "::ffff:192.0.2.2", "::ffff:10.0.0.1", "::127.0.0.1", "127.1", "127.0.1", "0177.0.0.1", "0x7f.0.0.1",
        "127.0.0.01", "127.0.0.256", "127.0.0.1.", "127.0.0.1.nip.io", "1.127.0.0.1", "::1::", "1:2:3:4:5:6:7:8:9",
        "0:0:0:0:0:0:0:0:1", "::00001", "::g", ":::1", "[::1", "::1]", "127.0.0.1:8080", "\u0661\u0662\u0667.0.0.1",
        "::\u0661"})
    void everythingElseIsNotLoopback(String literal) {
        assertThat(LoopbackAddress.isLoopback(literal)).as(literal).isFalse();
    }
}
