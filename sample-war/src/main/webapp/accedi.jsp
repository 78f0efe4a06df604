<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" %>
<%@ taglib prefix="cie" uri="https://cieservlet.github.io/tags" %>
<%-- The portal's login page: a bare <cie:button/>, no target. The page is public, so the login does not come back
     here (nothing would seem to happen): it ends at cie.defaultTarget (web.xml), the reserved area. --%>
<!DOCTYPE html>
<html lang="it">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Comune di Esempio - Accedi</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/portal.css">
</head>
<body>
<header><p class="ente">Comune di Esempio</p><h1>Accedi ai servizi online</h1></header>
<main>
  <p id="login"><cie:button/></p>
</main>
</body>
</html>
