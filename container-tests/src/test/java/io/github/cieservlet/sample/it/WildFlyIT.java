package io.github.cieservlet.sample.it;

/**
 * The unchanged sample WAR on WildFly (Jakarta EE 10/11, Servlet 6.0). Runs only with {@code -Pwildfly}: the
 * distribution is a 261 MB download and 319 MB unpacked.
 */
class WildFlyIT extends ContainerLoginFlow {

    @Override
    ServerProcess startServer() throws Exception {
        return ServerProcess.wildfly(ServerProcess.version("wildfly.version"),
                ServerProcess.warsDir().resolve("sample-war.war"));
    }
}
