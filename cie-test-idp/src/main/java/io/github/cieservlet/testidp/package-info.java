/**
 * Local stand-ins for the Ministry's CIE identity provider, a SPID identity provider and the Italian eIDAS node
 * (FICEP), for development and tests only. It ships as a jar
 * in the sample WAR; its web fragment ({@code cie_test_idp}) declares {@link io.github.cieservlet.testidp.TestIdpListener},
 * which registers the endpoints under {@code /cie-test-idp/} only when {@code cie.environment=local} and the
 * public base URL is a loopback address.
 */
package io.github.cieservlet.testidp;
