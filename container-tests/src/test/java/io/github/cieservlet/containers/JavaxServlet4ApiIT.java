package io.github.cieservlet.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code javax.servlet} type, method and field that the transformed cie-servlet, cie-jsp-taglib and
 * cie-test-idp classes inside {@code sample-war-javax.war} refer to exists in Tomcat 9's Servlet 4.0 / JSP 2.3
 * / EL 3.0 API jars (a Servlet 5.0+ only call would be a NoSuchMethodError at run time, maybe on a path the
 * browser test does not take), and no {@code jakarta.} reference is left.
 */
class JavaxServlet4ApiIT {

    private static final Path SERVERS = Paths.get(System.getProperty("servers.dir", "target/servers"));
    private static final Path WAR = Paths.get(System.getProperty("wars.dir", "target/wars"), "sample-war-javax.war");

    @Test
    void transformedLibrariesCallOnlyServlet40Api() throws Exception {
        Path lib = SERVERS.resolve("apache-tomcat-" + System.getProperty("tomcat9.version") + "/lib");
        List<String> missing = new ArrayList<>();
        TreeSet<String> checked = new TreeSet<>();
        int classes = 0;
        try (URLClassLoader api = new URLClassLoader(new URL[] {
                lib.resolve("servlet-api.jar").toUri().toURL(), lib.resolve("jsp-api.jar").toUri().toURL(),
                lib.resolve("el-api.jar").toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                ZipInputStream war = new ZipInputStream(Files.newInputStream(WAR))) {
            for (ZipEntry entry; (entry = war.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!name.matches("WEB-INF/lib/cie-[^/]*\\.jar")) {
                    continue;
                }
                ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(war.readAllBytes()));
                for (ZipEntry cls; (cls = jar.getNextEntry()) != null; ) {
                    if (!cls.getName().endsWith(".class")) {
                        continue;
                    }
                    classes++;
                    for (String[] ref : references(jar.readAllBytes())) {
                        String where = name + "!" + cls.getName();
                        if (ref[0].startsWith("jakarta/") || (ref.length > 2 && ref[2].contains("Ljakarta/"))) {
                            missing.add(where + ": jakarta reference left: " + String.join(" ", ref));
                        } else if (ref[0].startsWith("javax/servlet/") || ref[0].startsWith("javax/el/")) {
                            checked.add(String.join(".", ref));
                            String problem = resolve(api, ref);
                            if (problem != null) {
                                missing.add(where + ": " + problem);
                            }
                        }
                    }
                }
            }
        }
        assertThat(classes).isGreaterThan(50);
        assertThat(checked).as("javax.servlet members used").hasSizeGreaterThan(20);
        assertThat(missing).as("not in Tomcat 9's Servlet 4.0 API").isEmpty();
    }

    /** null when the reference {owner, name, descriptor} (or {owner} for a class) exists in the API. */
    private static String resolve(ClassLoader api, String[] ref) {
        Class<?> owner;
        try {
            owner = Class.forName(ref[0].replace('/', '.'), false, api);
        } catch (ClassNotFoundException | LinkageError e) {
            return "class " + ref[0] + " missing";
        }
        if (ref.length == 1) {
            return null;
        }
        for (Class<?> type : hierarchy(owner)) {
            if (ref[1].equals("<init>")) {
                for (Executable c : type.getDeclaredConstructors()) {
                    if (descriptor(c).equals(ref[2])) {
                        return null;
                    }
                }
            } else if (ref[2].startsWith("(")) {
                for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                    if (m.getName().equals(ref[1]) && descriptor(m).equals(ref[2])) {
                        return null;
                    }
                }
            } else {
                for (Field f : type.getDeclaredFields()) {
                    if (f.getName().equals(ref[1])) {
                        return null;
                    }
                }
            }
        }
        return ref[0] + "." + ref[1] + ref[2] + " missing";
    }

    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> all = new ArrayList<>();
        List<Class<?>> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> c = todo.remove(0);
            if (c == null || all.contains(c)) {
                continue;
            }
            all.add(c);
            todo.add(c.getSuperclass());
            todo.addAll(List.of(c.getInterfaces()));
        }
        all.add(Object.class);
        return all;
    }

    private static String descriptor(Executable e) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : e.getParameterTypes()) {
            sb.append(p.descriptorString());
        }
        sb.append(')');
        sb.append(e instanceof java.lang.reflect.Method m ? m.getReturnType().descriptorString() : "V");
        return sb.toString();
    }

    /** The class, field and method references of a class file's constant pool: {owner[, name, descriptor]}. */
    private static List<String[]> references(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndex = new int[count];
        int[][] memberRef = new int[count][];
        int[][] nameAndType = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndex[i] = in.readUnsignedShort();
                case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        List<String[]> refs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (classIndex[i] != 0) {
                String name = utf8[classIndex[i]];
                refs.add(new String[] {name.replaceAll("^\\[*L|;$", "")});
            }
            if (memberRef[i] != null) {
                String owner = utf8[classIndex[memberRef[i][0]]];
                int[] nt = nameAndType[memberRef[i][1]];
                refs.add(new String[] {owner, utf8[nt[0]], utf8[nt[1]]});
            }
        }
        return refs;
    }
}
