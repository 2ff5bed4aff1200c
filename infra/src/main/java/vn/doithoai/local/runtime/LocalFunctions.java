package vn.doithoai.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import vn.doithoai.core.common.Json;
import vn.doithoai.handlers.observability.Telemetry;

/**
 * The template's functions as this JVM runs them: one handler instance per function, created on first use,
 * one invocation at a time (as one Lambda execution environment runs them), whatever invokes it — the HTTP
 * API, the scheduler, the event bus or the stream relay. A handler is a {@link RequestHandler} or a class and
 * method named by {@code Handler: pkg.Class::method}, taking the event (and optionally the {@link Context});
 * an event that is a {@code Map} is also accepted by a handler whose input is a {@code String} (as JSON).
 */
public final class LocalFunctions {
  private static final Object PROPERTIES_LOCK = new Object();
  private static final String ARN_PREFIX = "arn:aws:lambda:" + TemplateModel.REGION + ":" + TemplateModel.ACCOUNT_ID
      + ":function:";

  private static final int TELEMETRY_KEPT = 10_000;
  private static final java.util.Set<String> READABLE_SHOWN = java.util.Set.of("time", "level", "type", "requestId",
      "function", "route", "status", "step", "latencyMs", "outcome");

  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private final java.util.ArrayDeque<String> telemetry = new java.util.ArrayDeque<>();
  private final PrintStream log;
  private volatile Map<String, String> extraProperties = Map.of();
  private final List<java.util.function.Consumer<String>> afterInvocation =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public LocalFunctions(TemplateModel model, PrintStream log) {
    this.log = log;
    for (TemplateModel.Function fn : model.functions()) {
      instances.put(fn.logicalId(), new Instance(fn));
    }
    Telemetry.sink(this::telemetry);
  }

  /**
   * The handlers' JSON log and metric lines, as Lambda would send them to CloudWatch (the latest
   * {@value #TELEMETRY_KEPT}), for tests and the README; the terminal gets them readable ({@link #readable}).
   */
  public List<String> telemetry() {
    synchronized (telemetry) {
      return List.copyOf(telemetry);
    }
  }

  private void telemetry(String json) {
    synchronized (telemetry) {
      if (telemetry.size() == TELEMETRY_KEPT) {
        telemetry.removeFirst();
      }
      telemetry.addLast(json);
    }
    log.println(readable(json));
  }

  /**
   * One line for a person: {@code OpinionsFunction POST /opinions 201 12ms commune=demo}, a step with its counts,
   * or {@code metric MailerFunction MessagesSent=1 channel=email}.
   */
  static String readable(String json) {
    Map<String, Object> m;
    try {
      m = Json.readObject(json);
    } catch (RuntimeException e) {
      return json;
    }
    StringBuilder b = new StringBuilder();
    if (m.containsKey("_aws")) {
      b.append("metric ").append(m.get("function"));
      m.forEach((k, v) -> {
        if (!k.equals("_aws") && !k.equals("function")) {
          b.append(' ').append(k).append('=').append(v);
        }
      });
      return b.toString();
    }
    b.append(m.get("function"));
    for (String k : List.of("route", "status")) {
      if (m.get(k) != null) {
        b.append(' ').append(m.get(k));
      }
    }
    if (m.get("route") == null) {
      b.append(' ').append(m.get("step")).append(' ').append(m.get("outcome"));
    }
    if (m.get("latencyMs") != null) {
      b.append(' ').append(m.get("latencyMs")).append("ms");
    }
    m.forEach((k, v) -> {
      if (!READABLE_SHOWN.contains(k) && v != null) {
        b.append(' ').append(k).append('=').append(v);
      }
    });
    return b.toString();
  }

  /**
   * System properties set, after the function's own environment, before each handler is instantiated (the
   * local endpoints, the region …).
   */
  public void properties(Map<String, String> extra) {
    this.extraProperties = Map.copyOf(extra);
  }

  public PrintStream log() {
    return log;
  }

  public boolean has(String functionId) {
    return functionId != null && instances.containsKey(functionId);
  }

  public TemplateModel.Function function(String functionId) {
    Instance i = instances.get(functionId);
    if (i == null) {
      throw new IllegalArgumentException("no function " + functionId);
    }
    return i.function;
  }

  /** The local ARN of a function: {@code arn:aws:lambda:ap-southeast-1:000000000000:function:<LogicalId>}. */
  public static String arn(String logicalId) {
    return ARN_PREFIX + logicalId;
  }

  /**
   * The function a Lambda ARN names (with or without a version or alias qualifier), by logical id or by
   * {@code FunctionName}; null when none does.
   */
  public String functionIdForArn(String arn) {
    if (arn == null) {
      return null;
    }
    String name = arn;
    int at = arn.indexOf(":function:");
    if (at >= 0) {
      name = arn.substring(at + ":function:".length());
      int colon = name.indexOf(':');
      if (colon >= 0) {
        name = name.substring(0, colon);
      }
    }
    if (instances.containsKey(name)) {
      return name;
    }
    for (Instance i : instances.values()) {
      if (name.equals(i.function.functionName())) {
        return i.function.logicalId();
      }
    }
    return null;
  }

  /** Invokes the function's handler with {@code event}; returns its result, throws what it throws. */
  public Object invoke(String functionId, Object event) throws Throwable {
    Instance i = instances.get(functionId);
    if (i == null) {
      throw new IllegalArgumentException("no function " + functionId);
    }
    TemplateModel.Function fn = i.function;
    try {
      return i.invoke(event, new LocalContext(fn.logicalId(), UUID.randomUUID().toString(), fn.timeoutSeconds(),
          fn.memorySize(), log));
    } finally {
      afterInvocation.forEach(l -> l.accept(functionId));
    }
  }

  /** Told the function's id after each invocation, however it ended (what it wrote is written by then). */
  void afterEachInvocation(java.util.function.Consumer<String> listener) {
    afterInvocation.add(listener);
  }

  /** True when the handler class of the function can be loaded. */
  public boolean handlerPresent(String functionId) {
    String cls = function(functionId).handlerClass();
    try {
      Class.forName(cls, false, loader());
      return true;
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return false;
    }
  }

  private final class Instance {
    final TemplateModel.Function function;
    final ReentrantLock lock = new ReentrantLock();
    Object handler;
    Method method;

    Instance(TemplateModel.Function function) {
      this.function = function;
    }

    @SuppressWarnings("unchecked")
    Object invoke(Object event, Context context) throws Throwable {
      lock.lock();
      try {
        if (handler == null) {
          instantiate();
        }
        Object input = event;
        Class<?> accepted = method.getParameterTypes()[0];
        if (event != null && !accepted.isInstance(event)) {
          if (accepted == String.class) {
            input = Json.write(event);
          } else {
            throw new IllegalArgumentException("handler " + function.handler() + " takes "
                + accepted.getName() + ", cannot give it " + event.getClass().getName());
          }
        }
        try {
          return method.getParameterCount() == 2 ? method.invoke(handler, input, context)
              : method.invoke(handler, input);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      } finally {
        lock.unlock();
      }
    }

    /**
     * Applies the function's environment (then the extra properties) as system properties, as the handlers
     * read their configuration with {@code System.getProperty(name, System.getenv(name))}, then creates the
     * handler. System properties are JVM-wide: a later function's value for the same name replaces an
     * earlier one's, so handlers should read them when they are created.
     */
    private void instantiate() throws Throwable {
      String className = function.handlerClass();
      if (className == null) {
        throw new IllegalStateException("function " + function.logicalId() + " has no Handler");
      }
      synchronized (PROPERTIES_LOCK) {
        function.environment().forEach((k, v) -> {
          if (v != null) {
            System.setProperty(k, v);
          }
        });
        extraProperties.forEach(System::setProperty);
      }
      Class<?> cls = Class.forName(className, true, loader());
      Object created;
      try {
        created = cls.getDeclaredConstructor().newInstance();
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      method = findMethod(cls, function.handlerMethod());
      handler = created;
    }
  }

  /**
   * The handler method: the most specific public non-bridge method of that name taking (event[, Context]),
   * so that a {@code RequestHandler<Map<String, Object>, ?>} is known to take a Map.
   */
  static Method findMethod(Class<?> cls, String name) throws NoSuchMethodException {
    Method best = null;
    for (Method m : cls.getMethods()) {
      Class<?>[] p = m.getParameterTypes();
      if (!m.getName().equals(name) || p.length < 1 || p.length > 2
          || p.length == 2 && !p[1].isAssignableFrom(Context.class)) {
        continue;
      }
      if (best == null || best.isBridge() && !m.isBridge()
          || best.getParameterTypes()[0].isAssignableFrom(p[0]) && !m.isBridge()) {
        best = m;
      }
    }
    if (best == null) {
      throw new NoSuchMethodException(cls.getName() + "::" + name + "(event[, Context])");
    }
    best.setAccessible(true);
    return best;
  }

  static ClassLoader loader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : LocalFunctions.class.getClassLoader();
  }
}
