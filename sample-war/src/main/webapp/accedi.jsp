<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" %>
<%@ taglib prefix="cie" uri="https://cieservlet.github.io/tags" %>
<%-- SPDX-License-Identifier: Apache-2.0 --%>
<%-- The three ways in: SPID, CIE and eIDAS. The page sends a strict Content-Security-Policy with a fresh nonce
     per response and hands the nonce to the tags, whose style block and script carry it (docs/taglib.md).
     The CIE button is bare (no target): the page is public, so the login does not come back here (nothing would
     seem to happen): it ends at cie.defaultTarget (web.xml), the reserved area. --%>
<%!
    private static final java.security.SecureRandom NONCES = new java.security.SecureRandom();
%>
<%
    byte[] nonceBytes = new byte[16];
    NONCES.nextBytes(nonceBytes);
    String cspNonce = java.util.Base64.getEncoder().encodeToString(nonceBytes);
    request.setAttribute("cspNonce", cspNonce);
    response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'nonce-" + cspNonce + "';"
            + " style-src 'self' 'nonce-" + cspNonce + "'; img-src 'self' https:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    response.setHeader("Cache-Control", "no-store");
%>
<!DOCTYPE html>
<html lang="it">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Comune di Esempio - Accedi ai servizi online</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/portal.css">
</head>
<body>
<header><p class="ente">Comune di Esempio</p><h1>Accedi ai servizi online</h1></header>
<main>
  <cie:notAuthenticated>
    <section class="accesso" aria-labelledby="accesso-spid">
      <h2 id="accesso-spid">SPID</h2>
      <p>Con le credenziali SPID del tuo gestore di identità digitale.</p>
      <div id="spid"><cie:spidButton size="l" target="/area-riservata/" nonce="${cspNonce}"/></div>
    </section>
    <section class="accesso" aria-labelledby="accesso-cie">
      <h2 id="accesso-cie">CIE</h2>
      <p>Con la Carta d'Identità Elettronica e l'app CieID.</p>
      <div id="cie"><cie:button size="l" nonce="${cspNonce}"/></div>
    </section>
    <section class="accesso" aria-labelledby="accesso-eidas" lang="en">
      <h2 id="accesso-eidas">eIDAS</h2>
      <p>Citizens of other EU countries: log in with the electronic identity of your country.</p>
      <div id="eidas"><cie:eidasButton size="l" target="/area-riservata/" nonce="${cspNonce}"/></div>
    </section>
    <p class="nota">Ambiente dimostrativo: ogni accesso usa un identity provider di prova locale, nessuna credenziale reale.</p>
  </cie:notAuthenticated>
  <cie:authenticated>
    <p id="logged-in">Hai già effettuato l'accesso.
      <a href="${pageContext.request.contextPath}/area-riservata/">Vai alla tua area riservata</a></p>
  </cie:authenticated>
  <p><a href="${pageContext.request.contextPath}/">Torna alla pagina iniziale</a></p>
</main>
</body>
</html>
