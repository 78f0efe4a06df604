package io.github.cieservlet.taglib;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;

/**
 * Hand-made doubles of servlet interfaces: only the methods named in the map answer; any other call fails
 * the test, so a double shows exactly what the tags use.
 */
final class Doubles {

    private Doubles() {
    }

    static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getSimpleName() + " double";
                };
            }
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not doubled");
            }
            return answer.apply(args == null ? new Object[0] : args);
        }));
    }
}
