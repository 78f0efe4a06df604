package io.github.cieservlet.sample.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link DropInPortal} on Apache Tomcat 11. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DropInTomcat11IT extends DropInTomcatFlow {

    @Override
    ServerProcess startServer() throws Exception {
        Path root = DropInPortal.of(ServerProcess.warsDir().resolve("sample-war.war"),
                ServerProcess.workDir().resolve("drop-in-wars-11/ROOT.war"));
        return ServerProcess.tomcat(ServerProcess.version("tomcat11.version"), root, Map.of(),
                Map.of("tomcat-users.xml", DropInPortal.TOMCAT_USERS));
    }
}
