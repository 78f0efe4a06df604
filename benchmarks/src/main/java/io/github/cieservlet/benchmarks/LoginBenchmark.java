package io.github.cieservlet.benchmarks;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.AuthnRequestEncoder;
import io.github.cieservlet.saml.AuthnRequestFactory;
import io.github.cieservlet.saml.SamlIds;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Login start, as the login endpoint does it with the library's building blocks: a fresh AuthnRequest
 * ({@link AuthnRequestFactory}), signed and encoded for its binding ({@link AuthnRequestEncoder}): for
 * HTTP-POST the enveloped-signed XML, base64-encoded for the form; for HTTP-Redirect the deflated request in a
 * signed query. The floor, {@link #rsaSign}, is one RSA-SHA256 signature with a key of the same size over as
 * many bytes as the POST binding signs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoginBenchmark {

    /** The SP key size. */
    @Param({"2048", "3072"})
    public int keyBits;

    private Fixtures fixtures;
    private AuthnRequestFactory factory;
    private AuthnRequestEncoder encoder;
    private String postDestination;
    private String redirectDestination;
    private PrivateKey key;
    private byte[] signedInfo;

    @Setup
    public void setUp(BenchmarkParams params) throws Exception {
        fixtures = new Fixtures(keyBits);
        factory = new AuthnRequestFactory(fixtures.settings);
        encoder = new AuthnRequestEncoder(fixtures.settings.credentials());
        postDestination = fixtures.idp.ssoUrl(RequestBinding.POST).orElseThrow();
        redirectDestination = fixtures.idp.ssoUrl(RequestBinding.REDIRECT).orElseThrow();
        key = fixtures.settings.credentials().privateKey();
        // what an enveloped signature signs: the canonical SignedInfo, about 600 bytes
        signedInfo = new byte[600];
        switch (Fixtures.measured(params)) {
            case "post": Fixtures.warmUp(1000, this::post); break;
            case "redirect": Fixtures.warmUp(1000, this::redirect); break;
            default: Fixtures.warmUp(1000, this::rsaSign);
        }
    }

    /** @return the {@code SAMLRequest} form value of a signed HTTP-POST AuthnRequest */
    @Benchmark
    public String post() {
        String xml = encoder.signedPostXml(factory.create(SamlIds.newId(), fixtures.clock.instant(), postDestination));
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the signed HTTP-Redirect query of an AuthnRequest */
    @Benchmark
    public String redirect() {
        return encoder.redirectQuery(factory.create(SamlIds.newId(), fixtures.clock.instant(), redirectDestination),
                "relay-state-token");
    }

    /** @return one RSA-SHA256 signature with the SP key: the floor of a login start */
    @Benchmark
    public byte[] rsaSign() throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signedInfo);
        return signature.sign();
    }
}
