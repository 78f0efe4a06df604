package io.github.cieservlet.bootstrap;

import jakarta.servlet.ServletContext;
import java.net.URL;
import java.security.CodeSource;

/**
 * Why cie-servlet is not running in a web application, told by its real cause: it failed at startup, its jar
 * sits in a server-wide directory instead of {@code WEB-INF/lib}, or its initializer was left out.
 */
final class StartupDiagnosis {

    /** ServletContext attribute: the message of a failed startup. */
    static final String FAILURE_ATTRIBUTE = StartupDiagnosis.class.getName() + ".failure";

    private StartupDiagnosis() {
    }

    /**
     * @param context the web application
     * @return the cause of the missing startup and how to fix it
     */
    static String whyNotStarted(ServletContext context) {
        Object failure = context.getAttribute(FAILURE_ATTRIBUTE);
        if (failure != null) {
            return "cie-servlet failed at startup (fix the cause and redeploy): " + failure;
        }
        String shared = sharedLocation(context.getClassLoader());
        if (shared != null) {
            return "cie-servlet is not initialised: its jar is loaded from " + shared + " by a server-wide class"
                    + " loader, not from this application's WEB-INF/lib, and the server did not start it for this"
                    + " application. Move cie-servlet and its dependencies from the server's lib/ directory into the"
                    + " application's WEB-INF/lib.";
        }
        return "cie-servlet is not initialised: its initializer " + CieInitializer.class.getName() + " did not run."
                + " web.xml's <absolute-ordering> may leave out the jar (add <name>cie_servlet</name> or <others/>),"
                + " or the server skips initializers; declare <listener><listener-class>"
                + CieContextListener.class.getName() + "</listener-class></listener> in web.xml.";
    }

    /**
     * @param applicationLoader the web application's class loader
     * @return where the library's jar is when a loader other than the application's (a parent) loaded it, else null
     */
    static String sharedLocation(ClassLoader applicationLoader) {
        ClassLoader mine = StartupDiagnosis.class.getClassLoader();
        if (applicationLoader == null || mine == applicationLoader) {
            return null;
        }
        for (ClassLoader parent = applicationLoader.getParent(); parent != null; parent = parent.getParent()) {
            if (parent == mine) {
                CodeSource source = StartupDiagnosis.class.getProtectionDomain().getCodeSource();
                URL location = source == null ? null : source.getLocation();
                return location == null ? "the server's class path" : location.toString();
            }
        }
        return null;
    }
}
