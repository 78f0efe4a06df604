/** The demo portal's own code: a page that shows what the servlet API reports about the citizen. */
package io.github.cieservlet.sample;
