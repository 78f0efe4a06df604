package io.github.cieservlet.config;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Finds a container DataSource by its JNDI name at startup, for the params that name one. */
public final class JndiDataSource {

    private JndiDataSource() {
    }

    /**
     * @param name the JNDI name, e.g. {@code java:comp/env/jdbc/cie}
     * @param param the param that names it, for the error
     * @return the DataSource
     * @throws CieConfigException naming the param and the fix when nothing usable is bound there
     */
    public static DataSource lookup(String name, CieParam param) {
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw CieConfigException.of(param, "no DataSource is bound at " + name + " (" + e.getMessage() + "); declare it in the"
                    + " container (Tomcat: a <Resource> in context.xml; WildFly: a datasource) and a <resource-ref>"
                    + " in web.xml");
        }
        if (!(found instanceof DataSource)) {
            throw CieConfigException.of(param, name + " is a " + (found == null ? "null" : found.getClass().getName())
                    + ", not a javax.sql.DataSource");
        }
        return (DataSource) found;
    }
}
