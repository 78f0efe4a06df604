/**
 * The test identity provider's own identity: its endpoint URLs, its in-memory key and certificate, its
 * metadata document and the CIE error codes it can answer with. No servlet types here.
 */
package io.github.cieservlet.testidp.idp;
