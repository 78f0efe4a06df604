/**
 * The library's logging: the JDK's {@code java.util.logging}, so that every line reaches the container's
 * own log (Tomcat's {@code catalina.out}, WildFly's {@code server.log}) with no logging setup in the application.
 */
package io.github.cieservlet.logging;
