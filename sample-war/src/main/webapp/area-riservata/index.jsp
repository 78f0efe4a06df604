<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="cie" uri="https://cieservlet.github.io/tags" %>
<!DOCTYPE html>
<html lang="it">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Area riservata - Comune di Esempio</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/portal.css">
</head>
<body>
<header><p class="ente">Comune di Esempio</p><h1>Area riservata</h1></header>
<main>
  <p id="greeting">Benvenuto/a, <cie:identity property="name"/> <cie:identity property="familyName"/>!</p>
  <h2>Dati ricevuti con la CIE</h2>
  <table id="attributes">
    <tr><th scope="row">Nome</th><td id="name"><cie:identity property="name"/></td></tr>
    <tr><th scope="row">Cognome</th><td id="familyName"><cie:identity property="familyName"/></td></tr>
    <tr><th scope="row">Data di nascita</th><td id="dateOfBirth"><cie:identity property="dateOfBirth"/></td></tr>
    <tr><th scope="row">Codice fiscale</th><td id="fiscalCode"><cie:identity property="fiscalCode"/></td></tr>
    <tr><th scope="row">Livello di autenticazione</th><td id="level"><cie:identity property="level"/></td></tr>
  </table>
  <p><a href="${pageContext.request.contextPath}/area-riservata/whoami">Cosa vede l'applicazione (getUserPrincipal)</a></p>
  <p><a href="${pageContext.request.contextPath}/">Pagina iniziale</a></p>
  <cie:logoutForm id="logout" label="Esci" cssClass="esci"/>
</main>
</body>
</html>
