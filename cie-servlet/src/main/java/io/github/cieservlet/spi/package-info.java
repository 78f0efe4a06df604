/**
 * The login protocol SPI: what the filter and the library's endpoints call to start a login, finish it and publish
 * the protocol's documents, without knowing the protocol. An implementation (such as the OpenID Connect one in the
 * {@code cie-oidc} artifact) registers a {@link io.github.cieservlet.spi.LoginProtocolProvider} in
 * {@code META-INF/services}; {@code cie.protocol} names the one to use ({@link io.github.cieservlet.spi.LoginProtocols}).
 */
package io.github.cieservlet.spi;
