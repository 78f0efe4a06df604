/**
 * The servlets of the test IdP and the HTML pages they show: metadata, the two SSO endpoints, the page where
 * the developer picks a citizen and an outcome, the auto-submitting form that carries the Response back, and the
 * logout page. Every page escapes what it prints and loads nothing from outside.
 */
package io.github.cieservlet.testidp.web;
