package io.github.cieservlet.sample.it;

/** The unchanged sample WAR (Jakarta EE 10, Servlet 6.0) on Apache Tomcat 10.1. */
class Tomcat10IT extends ContainerLoginFlow {

    @Override
    ServerProcess startServer() throws Exception {
        return ServerProcess.tomcat(ServerProcess.version("tomcat10.version"),
                ServerProcess.warsDir().resolve("sample-war.war"));
    }
}
