/**
 * The test identity providers' own identity: which one ({@link io.github.cieservlet.testidp.idp.IdpScheme}: CIE,
 * SPID, FICEP), its endpoint URLs, its in-memory key and certificate, its metadata document, the CIE and SPID error
 * codes it can answer with and the eIDAS attribute sets. No servlet types here.
 */
package io.github.cieservlet.testidp.idp;
