/**
 * The build's mutation-testing gate (issue 14): reads PIT's {@code mutations.xml}, honours the reviewed list of
 * equivalent mutants, and fails the build when a package of the security core kills too few of its covered
 * mutants or a trust check keeps a survivor. Test scope only: it is not part of the library.
 */
package io.github.cieservlet.mutation;
