package io.github.cieservlet.sample.it;

/**
 * The javax build of the sample WAR ({@code sample-war-javax.war}: the jakarta WAR, its cie-servlet,
 * cie-jsp-taglib and cie-test-idp jars included, turned into javax by the Eclipse Transformer) on Apache
 * Tomcat 9 (Servlet 4.0, Java EE 8).
 */
class Tomcat9JavaxIT extends ContainerLoginFlow {

    @Override
    ServerProcess startServer() throws Exception {
        return ServerProcess.tomcat(ServerProcess.version("tomcat9.version"),
                ServerProcess.warsDir().resolve("sample-war-javax.war"));
    }
}
