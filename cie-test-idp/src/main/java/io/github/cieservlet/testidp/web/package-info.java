/**
 * The servlets of the test IdPs and the HTML pages they show: metadata, the SSO endpoints, the page where the
 * developer picks a person, an outcome and a level, the auto-submitting form that carries the Response back, and
 * the logout endpoints. Every page escapes what it prints and loads nothing from outside.
 */
package io.github.cieservlet.testidp.web;
