/** {@code check-entity-configuration}: the OpenID Connect relying party's entity configuration against the profile. */
package io.github.cieservlet.tools.oidc;
