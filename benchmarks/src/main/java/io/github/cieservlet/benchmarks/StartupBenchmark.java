package io.github.cieservlet.benchmarks;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.saml.OpenSamlBootstrap;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two costly steps of the deployment's start, each measured once per fresh JVM (single shot, as a
 * deployment sees them): OpenSAML's initialisation, and loading and checking the SP key from a PKCS#12
 * keystore made by the JDK's {@code KeyStore} with its default protection (as {@code keytool} and the
 * project's {@code keygen} make them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartupBenchmark {

    private static final char[] PASSWORD = "benchmark-password".toCharArray();

    private byte[] keystore;

    @Setup
    public void setUp() throws Exception {
        IdpCredentials key = IdpCredentials.generate(Clock.systemUTC());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sp", key.privateKey(), PASSWORD, new Certificate[] {key.certificate()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        keystore = out.toByteArray();
    }

    /** OpenSAML's initialisation, the first time in this JVM. */
    @Benchmark
    public void openSamlInit() {
        OpenSamlBootstrap.initialize();
    }

    /** @return the SP key and certificate, read and checked from the PKCS#12 bytes */
    @Benchmark
    public SpCredentials pkcs12Load() {
        return SpCredentials.fromPkcs12(keystore, PASSWORD, "sp", null, Instant.now());
    }
}
