package io.github.cieservlet.sample.it;

/** The unchanged sample WAR (built against Servlet 6.0) on Apache Tomcat 11 (Servlet 6.1). */
class Tomcat11IT extends ContainerLoginFlow {

    @Override
    ServerProcess startServer() throws Exception {
        return ServerProcess.tomcat(ServerProcess.version("tomcat11.version"),
                ServerProcess.warsDir().resolve("sample-war.war"));
    }
}
