<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" %>
<%@ taglib prefix="cie" uri="https://cieservlet.github.io/tags" %>
<%-- The home page shows the citizen's name when logged in: never cached. --%>
<% response.setHeader("Cache-Control", "no-store"); response.setHeader("Pragma", "no-cache"); %>
<!DOCTYPE html>
<html lang="it">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Comune di Esempio - Servizi online</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/portal.css">
</head>
<body>
<header><p class="ente">Comune di Esempio</p><h1>Servizi online</h1></header>
<main>
  <p>Benvenuto nei servizi online del Comune. Per consultare la tua area riservata accedi con la
     Carta d'Identità Elettronica (CIE).</p>
  <cie:notAuthenticated>
    <p id="login"><cie:button target="/area-riservata/" size="l"/></p>
    <p id="other-ways"><a href="${pageContext.request.contextPath}/accedi.jsp">Altri modi di accedere: SPID, CIE, eIDAS</a></p>
    <p class="nota">Ambiente dimostrativo: l'accesso usa un identity provider di prova locale, nessuna carta reale.</p>
  </cie:notAuthenticated>
  <cie:authenticated>
    <p id="logged-in">Hai effettuato l'accesso come <strong><cie:identity property="name"/> <cie:identity property="familyName"/></strong>.</p>
    <p><a href="${pageContext.request.contextPath}/area-riservata/">Vai alla tua area riservata</a></p>
    <cie:logoutForm id="logout" label="Esci" cssClass="esci"/>
  </cie:authenticated>
</main>
</body>
</html>
