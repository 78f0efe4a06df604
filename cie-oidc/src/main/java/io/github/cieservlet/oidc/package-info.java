/**
 * CIE OpenID Connect relying party (the Ministry's "Regole tecniche SPID/CIE OpenID Connect", built on OpenID
 * Federation 1.0), servlet-free: the RP entity configuration ({@link io.github.cieservlet.oidc.RpEntityConfiguration}),
 * trust chains to a pinned trust anchor ({@link io.github.cieservlet.oidc.ProviderResolver}), the signed authorization
 * request with PKCE ({@link io.github.cieservlet.oidc.AuthorizationRequestFactory}), the callback
 * ({@link io.github.cieservlet.oidc.CallbackReader}), the token request with {@code private_key_jwt}
 * ({@link io.github.cieservlet.oidc.TokenClient}), and the verification of the ID token and the encrypted UserInfo
 * into the same {@link io.github.cieservlet.CieIdentity} as SAML ({@link io.github.cieservlet.oidc.OidcRelyingParty}).
 *
 * <p>Every JOSE operation goes through Nimbus ({@code nimbus-jose-jwt}, {@code oauth2-oidc-sdk}); nothing here parses
 * or signs a JWT by hand. Every refusal is a {@link io.github.cieservlet.CieAuthenticationException} with a stable
 * {@link io.github.cieservlet.CieError}.
 */
package io.github.cieservlet.oidc;
