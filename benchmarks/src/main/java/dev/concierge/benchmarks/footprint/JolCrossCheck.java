package dev.concierge.benchmarks.footprint;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;

/**
 * Sizes an object graph with JOL's {@code GraphLayout}, when jol-core is on the classpath. It is called
 * reflectively so that the benchmarks module need not depend on JOL: add
 * {@code ~/.m2/repository/org/openjdk/jol/jol-core/0.17/jol-core-0.17.jar} to the classpath and pass
 * {@code --jol}, with {@code -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true} on the JVM
 * (JOL attaches to its own JVM, and the states are records, whose field offsets {@code Unsafe} hides).
 */
final class JolCrossCheck {

  private static final String GRAPH_LAYOUT = "org.openjdk.jol.info.GraphLayout";

  private final Method parseInstance;
  private final Method totalSize;
  private final Method toFootprint;

  private JolCrossCheck(Class<?> graphLayout) throws NoSuchMethodException {
    parseInstance = graphLayout.getMethod("parseInstance", Object[].class);
    totalSize = graphLayout.getMethod("totalSize");
    toFootprint = graphLayout.getMethod("toFootprint");
  }

  /** @throws IllegalStateException when JOL is not on the classpath */
  static JolCrossCheck load() {
    try {
      return new JolCrossCheck(Class.forName(GRAPH_LAYOUT));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException("--jol needs org.openjdk.jol:jol-core on the classpath", e);
    }
  }

  /** Everything reachable from {@code root}, less {@code shared}: objects every customer refers to. */
  long bytes(Object root, Collection<?> shared) {
    long sharedBytes = 0;
    for (Object object : shared) {
      sharedBytes += (long) call(totalSize, layout(object));
    }
    return (long) call(totalSize, layout(root)) - sharedBytes;
  }

  /** JOL's table of the classes reachable from {@code root}: count, bytes and class. */
  String footprint(Object root) {
    return (String) call(toFootprint, layout(root));
  }

  private Object layout(Object root) {
    try {
      return parseInstance.invoke(null, (Object) new Object[] {root});
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("JOL could not walk " + root.getClass().getName()
          + " (records need -Djol.magicFieldOffset=true)", e);
    }
  }

  private static Object call(Method method, Object layout) {
    try {
      return method.invoke(layout);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("JOL failed", e);
    }
  }
}
