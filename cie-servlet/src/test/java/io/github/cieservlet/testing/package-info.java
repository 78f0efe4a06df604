/**
 * Test fixtures shared by the modules' tests (published in the cie-servlet test-jar): keys and certificates
 * generated at test time, and ready-made settings.
 */
package io.github.cieservlet.testing;
