package io.github.cieservlet.sample.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link DropInPortal} from the javax build of the sample (JASPIC 1.1, Servlet 4.0) on Apache Tomcat 9. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DropInTomcat9JavaxIT extends DropInTomcatFlow {

    @Override
    ServerProcess startServer() throws Exception {
        Path root = DropInPortal.of(ServerProcess.warsDir().resolve("sample-war-javax.war"),
                ServerProcess.workDir().resolve("drop-in-wars-9/ROOT.war"));
        return ServerProcess.tomcat(ServerProcess.version("tomcat9.version"), root, Map.of(),
                Map.of("tomcat-users.xml", DropInPortal.TOMCAT_USERS));
    }
}
