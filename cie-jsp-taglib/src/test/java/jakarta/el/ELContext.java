package jakarta.el;

/**
 * Compile-time stand-in for the Jakarta Expression Language class that {@code PageContext.getELContext()}
 * returns. The EL API is a provided dependency of the JSP API that Maven does not pass on, and the tags never
 * use EL; this empty class only lets {@code TestPageContext} be written without adding a dependency. Remove it
 * if {@code jakarta.el:jakarta.el-api} ever comes onto the test class path.
 */
public abstract class ELContext {
}
