package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, item 2: the deployable Lambda jar is whole. Runs after {@code package} (failsafe, in
 * {@code ./mvnw verify}) against the real shaded jar, because the test classpath once hid the jar's
 * jackson-core 2.12.7 beside jackson-jr 2.22.4:
 * <ul>
 *   <li>one version per release train (every Jackson module, every AWS SDK module), read from the bundled
 *       {@code pom.properties};
 *   <li>linkage: every field and method that a class of the jar references on another class of the jar exists
 *       there (declared or inherited), and no class is missing from a package the jar holds — what would be a
 *       {@code NoSuchMethodError} or {@code NoClassDefFoundError} at run time. References into the JDK, or into
 *       packages the jar does not hold at all (optional dependencies of the SDK), are not judged.
 * </ul>
 */
class ShadedJarIT {
  /** Groups whose artifacts are released together and must come in one version. */
  private static final List<String> RELEASE_TRAINS = List.of("com.fasterxml.jackson", "software.amazon.awssdk");

  private static final Map<String, ClassInfo> classes = new HashMap<>();
  private static final Map<String, String> artifacts = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    Path jar = Path.of(System.getProperty("shadedJar", "target/doithoai-functions.jar"));
    assertTrue(Files.isRegularFile(jar), "the shaded jar is built before this test: " + jar);
    try (JarFile f = new JarFile(jar.toFile())) {
      for (JarEntry e : f.stream().toList()) {
        String n = e.getName();
        if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
          try (InputStream in = f.getInputStream(e)) {
            ClassInfo c = ClassInfo.read(in);
            classes.put(c.name, c);
          }
        } else if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties")) {
          Properties p = new Properties();
          try (InputStream in = f.getInputStream(e)) {
            p.load(in);
          }
          artifacts.put(p.getProperty("groupId") + ":" + p.getProperty("artifactId"), p.getProperty("version"));
        }
      }
    }
  }

  @Test
  @DisplayName("one version per release train in the shaded jar (all Jackson alike, all of the AWS SDK alike)")
  void oneVersionPerTrain() {
    List<String> problems = new ArrayList<>();
    for (String train : RELEASE_TRAINS) {
      Map<String, String> members = new TreeMap<>();
      artifacts.forEach((ga, v) -> {
        if (ga.startsWith(train)) {
          members.put(ga, v);
        }
      });
      String first = members.values().stream().findFirst().orElse("");
      // jackson-annotations is versioned "2.22" beside "2.22.4": a prefix at a dot is the same release
      if (!members.values().stream().allMatch(v -> sameRelease(v, first))) {
        problems.add(train + ": " + members);
      }
    }
    assertTrue(artifacts.containsKey("com.fasterxml.jackson.core:jackson-core"), "the jar holds jackson-core");
    assertEquals(List.of(), problems, "mixed versions of one library in the shaded jar");
  }

  @Test
  @DisplayName("every member a class of the jar uses on another class of the jar is there (no NoSuchMethodError)")
  void linkage() {
    Set<String> packages = new HashSet<>();
    classes.keySet().forEach(c -> packages.add(c.substring(0, Math.max(0, c.lastIndexOf('/')))));
    Set<String> broken = new TreeSet<>();
    for (ClassInfo c : classes.values()) {
      for (String owner : c.referencedClasses) {
        if (!classes.containsKey(owner) && packages.contains(owner.substring(0, Math.max(0, owner.lastIndexOf('/'))))) {
          broken.add(c.name + " → missing class " + owner);
        }
      }
      for (Ref r : c.refs) {
        if (classes.containsKey(r.owner) && !resolves(r.owner, r.name, r.descriptor, r.field, new HashSet<>())) {
          broken.add(c.name + " → " + r.owner + "." + r.name + r.descriptor);
        }
      }
    }
    assertTrue(classes.size() > 1000, "read the classes of the jar: " + classes.size());
    assertEquals(List.of(), broken.stream().limit(30).toList(), broken.size() + " broken references");
  }

  private static boolean sameRelease(String a, String b) {
    return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
  }

  /**
   * Declared here or inherited. A supertype outside the jar is looked up in the JDK (every hierarchy ends in
   * {@code java.lang.Object}); one in neither (an optional dependency) is given the benefit of the doubt.
   */
  private static boolean resolves(String owner, String name, String descriptor, boolean field, Set<String> seen) {
    ClassInfo c = classes.get(owner);
    if (c == null) {
      return inJdk(owner, name, descriptor, field);
    }
    if (!seen.add(owner)) {
      return false;
    }
    if ((field ? c.fields : c.methods).contains(name + descriptor)) {
      return true;
    }
    if (c.superName != null && resolves(c.superName, name, descriptor, field, seen)) {
      return true;
    }
    for (String i : c.interfaces) {
      if (resolves(i, name, descriptor, field, seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inJdk(String owner, String name, String descriptor, boolean field) {
    Class<?> type;
    try {
      type = Class.forName(owner.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return true;
    }
    if (type == java.lang.invoke.MethodHandle.class || type == java.lang.invoke.VarHandle.class) {
      return true; // signature-polymorphic methods match any descriptor
    }
    List<Class<?>> todo = new ArrayList<>(List.of(type));
    while (!todo.isEmpty()) {
      Class<?> t = todo.remove(todo.size() - 1);
      if (field) {
        for (java.lang.reflect.Field f : t.getDeclaredFields()) {
          if (f.getName().equals(name) && f.getType().descriptorString().equals(descriptor)) {
            return true;
          }
        }
      } else {
        for (java.lang.reflect.Method m : t.getDeclaredMethods()) {
          if (m.getName().equals(name) && java.lang.invoke.MethodType.methodType(m.getReturnType(),
              m.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
            return true;
          }
        }
        for (java.lang.reflect.Constructor<?> k : t.getDeclaredConstructors()) {
          if (name.equals("<init>") && java.lang.invoke.MethodType.methodType(void.class, k.getParameterTypes())
              .toMethodDescriptorString().equals(descriptor)) {
            return true;
          }
        }
      }
      if (t.getSuperclass() != null) {
        todo.add(t.getSuperclass());
      }
      todo.addAll(List.of(t.getInterfaces()));
    }
    return false;
  }

  private record Ref(String owner, String name, String descriptor, boolean field) {}

  /** The parts of a class file the check needs: its members, its supertypes and what it refers to. */
  private static final class ClassInfo {
    String name;
    String superName;
    final List<String> interfaces = new ArrayList<>();
    final Set<String> fields = new HashSet<>();
    final Set<String> methods = new HashSet<>();
    final List<Ref> refs = new ArrayList<>();
    final Set<String> referencedClasses = new HashSet<>();

    static ClassInfo read(InputStream stream) throws IOException {
      DataInputStream in = new DataInputStream(stream);
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      Object[] pool = new Object[count];
      int[][] links = new int[count][];
      int[] tags = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        tags[i] = tag;
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 7, 8, 16, 19, 20 -> links[i] = new int[] {in.readUnsignedShort()};
          case 9, 10, 11, 12, 17, 18 -> links[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          case 15 -> links[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      ClassInfo c = new ClassInfo();
      in.readUnsignedShort(); // access flags
      c.name = (String) pool[links[in.readUnsignedShort()][0]];
      int superIndex = in.readUnsignedShort();
      c.superName = superIndex == 0 ? null : (String) pool[links[superIndex][0]];
      int interfaces = in.readUnsignedShort();
      for (int i = 0; i < interfaces; i++) {
        c.interfaces.add((String) pool[links[in.readUnsignedShort()][0]]);
      }
      readMembers(in, pool, c.fields);
      readMembers(in, pool, c.methods);
      for (int i = 1; i < count; i++) {
        if (tags[i] == 7) {
          String n = (String) pool[links[i][0]];
          if (!n.startsWith("[")) {
            c.referencedClasses.add(n);
          }
        } else if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
          String owner = (String) pool[links[links[i][0]][0]];
          int[] nat = links[links[i][1]];
          if (!owner.startsWith("[")) {
            c.refs.add(new Ref(owner, (String) pool[nat[0]], (String) pool[nat[1]], tags[i] == 9));
          }
        }
      }
      return c;
    }

    private static void readMembers(DataInputStream in, Object[] pool, Set<String> into) throws IOException {
      int n = in.readUnsignedShort();
      for (int i = 0; i < n; i++) {
        in.readUnsignedShort(); // access flags
        String name = (String) pool[in.readUnsignedShort()];
        String descriptor = (String) pool[in.readUnsignedShort()];
        into.add(name + descriptor);
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          in.readUnsignedShort();
          in.skipNBytes(in.readInt() & 0xffffffffL);
        }
      }
    }
  }
}
