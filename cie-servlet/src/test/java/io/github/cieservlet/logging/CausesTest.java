package io.github.cieservlet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void namesEveryExceptionOfTheChainWithItsMessage() {
        SSLHandshakeException tls = new SSLHandshakeException("PKIX path building failed");
        tls.initCause(new IllegalStateException("unable to find valid certification path"));
        IOException outer = new IOException(null, tls);
        assertThat(Causes.describe(outer)).isEqualTo("IOException <- SSLHandshakeException: PKIX path building failed <- IllegalStateException:"
                + " unable to find valid certification path");
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsClass() {
        assertThat(Causes.describe(new UnknownHostException())).isEqualTo("UnknownHostException");
    }
}
