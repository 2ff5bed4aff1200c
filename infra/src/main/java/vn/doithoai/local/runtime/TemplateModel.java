package vn.doithoai.local.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What the local runtime reads from the SAM {@code template.yaml}: DynamoDB tables, serverless functions
 * with their environment, HTTP API routes and other events. CloudFormation short-form tags ({@code !Ref},
 * {@code !Sub}, …) parse into {@link Intrinsic} values and are resolved against parameter defaults (or
 * overrides), pseudo parameters (region {@value #REGION}) and the resources' names; whatever cannot be
 * resolved locally (an import, an attribute only AWS knows) becomes {@code null}, never an error.
 */
public final class TemplateModel {
  public static final String REGION = "ap-southeast-1";
  public static final String ACCOUNT_ID = "000000000000";

  /** A CloudFormation intrinsic function as written: {@code Ref}, {@code Condition} or {@code Fn::…}. */
  public record Intrinsic(String function, Object argument) {}

  public record KeyElement(String attributeName, String keyType) {}

  public record Index(String indexName, List<KeyElement> keySchema, String projectionType,
      List<String> nonKeyAttributes) {}

  /**
   * An {@code AWS::DynamoDB::Table}. {@code attributes}: attribute name → type (S, N, B);
   * {@code ttlAttribute} only when TTL is enabled; {@code streamViewType} may be null.
   */
  public record Table(String logicalId, String tableName, Map<String, String> attributes,
      List<KeyElement> keySchema, List<Index> globalIndexes, List<Index> localIndexes, String ttlAttribute,
      String streamViewType) {}

  /**
   * An {@code HttpApi} event of a function. {@code path} is the route's path template ({@code $default}
   * for the catch-all route), {@code method} upper-case or {@code ANY}; {@code authorizer} is the name of
   * the JWT authorizer that protects it, null for a public route.
   */
  public record HttpRoute(String functionId, String eventName, String method, String path, String authorizer) {
    public boolean authRequired() {
      return authorizer != null;
    }

    /** API Gateway's route key, e.g. {@code POST /webhooks/{commune}/opinions}. */
    public String routeKey() {
      return "$default".equals(path) ? "$default" : method + " " + path;
    }
  }

  /** Any other event of a function (Schedule, ScheduleV2, EventBridgeRule, DynamoDB, SQS, …), resolved. */
  public record FunctionEvent(String functionId, String name, String type, Map<String, Object> properties) {}

  /**
   * An {@code AWS::Serverless::Function}. {@code environment}: Globals' variables overridden by the
   * function's own, resolved (a value that cannot be resolved is null).
   */
  /**
   * How Lambda handles the function's asynchronous invocations (by EventBridge, EventBridge Scheduler):
   * retries of a function error ({@code EventInvokeConfig.MaximumRetryAttempts}, default 2) and where an event
   * that failed them all goes ({@code EventInvokeConfig.DestinationConfig.OnFailure}, else the function's
   * {@code DeadLetterQueue}; null: discarded).
   */
  public record AsyncInvoke(int maximumRetryAttempts, String onFailure) {}

  public record Function(String logicalId, String handler, Map<String, String> environment, int timeoutSeconds,
      int memorySize, List<HttpRoute> httpRoutes, List<FunctionEvent> otherEvents, String functionName,
      AsyncInvoke asyncInvoke) {
    /** The handler's class name: the part before {@code ::}. */
    public String handlerClass() {
      int i = handler == null ? -1 : handler.indexOf("::");
      return i < 0 ? handler : handler.substring(0, i);
    }

    /** The handler's method name, {@code handleRequest} when the handler names only a class. */
    public String handlerMethod() {
      int i = handler == null ? -1 : handler.indexOf("::");
      return i < 0 ? "handleRequest" : handler.substring(i + 2);
    }
  }

  /**
   * Where an EventBridge rule sends a matching event: a function of the template (null when the target is
   * not one), the rule target's constant {@code Input} (null: the event itself), its retry policy (null:
   * EventBridge's defaults) and dead-letter queue ARN.
   */
  public record RuleTarget(String id, String functionId, String arn, String input, Integer maximumRetryAttempts,
      Integer maximumEventAgeInSeconds, String deadLetterArn) {}

  /**
   * An EventBridge rule: an {@code AWS::Events::Rule} resource, or a function's {@code EventBridgeRule} (or
   * {@code CloudWatchEvent}) event. {@code busName} "default" when none is named; {@code pattern} the resolved
   * event pattern (null for a schedule rule); {@code scheduleExpression} for a scheduled rule.
   */
  public record Rule(String id, String busName, Map<String, Object> pattern, String scheduleExpression,
      boolean enabled, List<RuleTarget> targets) {}

  private static final List<String> SHORT_FORMS = List.of("Ref", "Condition", "Sub", "GetAtt", "If", "Equals",
      "Not", "Select", "Join", "Split", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "And", "Or",
      "Length", "ToJsonString");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Path source;
  private final Map<String, Object> root;
  private final Map<String, Object> resources;
  private final Map<String, String> parameterOverrides;
  private final Map<String, Boolean> conditionCache = new LinkedHashMap<>();
  private final Set<String> resolving = new HashSet<>();
  private final List<Table> tables;
  private final List<Function> functions;
  private final List<Rule> rules;

  private TemplateModel(Path source, Map<String, Object> root, Map<String, String> parameterOverrides) {
    this.source = source;
    this.root = root;
    this.resources = map(root.get("Resources"));
    this.parameterOverrides = Map.copyOf(parameterOverrides);
    List<Table> t = new ArrayList<>();
    List<Function> f = new ArrayList<>();
    for (Map.Entry<String, Object> e : resources.entrySet()) {
      Map<String, Object> resource = map(e.getValue());
      if (!resourceIncluded(resource)) {
        continue;
      }
      String type = string(resource.get("Type"));
      if ("AWS::DynamoDB::Table".equals(type)) {
        t.add(table(e.getKey(), map(resource.get("Properties"))));
      } else if ("AWS::Serverless::Function".equals(type)) {
        f.add(function(e.getKey(), map(resource.get("Properties"))));
      }
    }
    this.tables = List.copyOf(t);
    this.functions = List.copyOf(f);
    this.rules = List.copyOf(rules(f));
  }

  /** Reads a template with the parameters' defaults. */
  public static TemplateModel load(Path template) {
    return load(template, Map.of());
  }

  /** Reads a template; {@code parameterOverrides} replace parameter defaults (e.g. {@code Stage=local}). */
  public static TemplateModel load(Path template, Map<String, String> parameterOverrides) {
    try (Reader r = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
      return parse(r, template, parameterOverrides);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + template, e);
    }
  }

  /** Parses template text (for tests and tools); {@code source} is only reported. */
  public static TemplateModel parse(Reader yaml, Path source, Map<String, String> parameterOverrides) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object doc = new Yaml(new CfnConstructor(options)).load(yaml);
    if (!(doc instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("Tệp template không hợp lệ " + source + " / not a SAM template: "
          + source);
    }
    return new TemplateModel(source, map(doc), parameterOverrides);
  }

  public Path source() {
    return source;
  }

  public List<Table> tables() {
    return tables;
  }

  public List<Function> functions() {
    return functions;
  }

  /** Every HttpApi route of every function. */
  public List<HttpRoute> httpRoutes() {
    List<HttpRoute> all = new ArrayList<>();
    functions.forEach(fn -> all.addAll(fn.httpRoutes()));
    return all;
  }

  /** Every non-HttpApi event of every function. */
  public List<FunctionEvent> otherEvents() {
    List<FunctionEvent> all = new ArrayList<>();
    functions.forEach(fn -> all.addAll(fn.otherEvents()));
    return all;
  }

  /** The EventBridge rules: {@code AWS::Events::Rule} resources and the functions' EventBridgeRule events. */
  public List<Rule> rules() {
    return rules;
  }

  /** The names of the template's custom event buses ({@code AWS::Events::EventBus}), without "default". */
  public List<String> eventBuses() {
    return resourceNames("AWS::Events::EventBus");
  }

  /** The names of the template's EventBridge Scheduler groups ({@code AWS::Scheduler::ScheduleGroup}). */
  public List<String> scheduleGroups() {
    return resourceNames("AWS::Scheduler::ScheduleGroup");
  }

  /** The names of the template's SES configuration sets ({@code AWS::SES::ConfigurationSet}). */
  public List<String> configurationSets() {
    return resourceNames("AWS::SES::ConfigurationSet");
  }

  /** The names of the template's S3 buckets ({@code AWS::S3::Bucket}), which the local S3 stand-in keeps. */
  public List<String> buckets() {
    return resourceNames("AWS::S3::Bucket");
  }

  /** The {@code !Ref} answers (names) of the included resources of a type, unresolvable ones left out. */
  private List<String> resourceNames(String type) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Object> e : resources.entrySet()) {
      Map<String, Object> r = map(e.getValue());
      if (type.equals(r.get("Type")) && resourceIncluded(r)) {
        String n = string(ref(e.getKey()));
        if (n != null) {
          names.add(n);
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * The logical id of the template function a template value designates: {@code !GetAtt F.Arn},
   * {@code !Ref F}, {@code !Ref F.Alias}, SAM's {@code FAlias<alias>}, or a Lambda ARN string (logical id or
   * FunctionName, any qualifier); null when it designates none.
   */
  public String functionIdOf(Object value) {
    String arn = string(resolve(value));
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
    for (Function f : functions == null ? List.<Function>of() : functions) {
      if (f.logicalId().equals(name) || name.equals(f.functionName())) {
        return f.logicalId();
      }
    }
    Map<String, Object> r = map(resources.get(name));
    return "AWS::Serverless::Function".equals(r.get("Type")) ? name : null;
  }

  public Function function(String logicalId) {
    return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in " + source));
  }

  public Table table(String logicalId) {
    return tables.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + logicalId + " in " + source));
  }

  /**
   * Values locally for the parameters a deployment must give (no Default in the template): what
   * {@code sam deploy --guided} would ask for.
   */
  static final Map<String, String> LOCAL_REQUIRED = Map.of("MailFrom",
      "\"Đối thoại (máy cục bộ)\" <khong-tra-loi@doithoai.local>", "ContactIdKey",
      vn.doithoai.core.mail.ContactIds.DEV_KEY);

  /**
   * Values locally in place of a parameter's Default: the SMS stand-in has an origination identity, so that the
   * local runtime writes the SMS that a deployment with one would send (the template's default is none).
   */
  static final Map<String, String> LOCAL_DEFAULTS = Map.of("SmsOriginationIdentity", "UBNDXA");

  /** The parameter's value: its override, else its Default as a string, else the local value, else null. */
  public String parameter(String name) {
    if (parameterOverrides.containsKey(name)) {
      return parameterOverrides.get(name);
    }
    Map<String, Object> parameters = map(root.get("Parameters"));
    if (!parameters.containsKey(name)) {
      return null;
    }
    Map<String, Object> parameter = map(parameters.get(name));
    if (LOCAL_DEFAULTS.containsKey(name)) {
      return LOCAL_DEFAULTS.get(name);
    }
    return parameter.containsKey("Default") ? scalarString(parameter.get("Default")) : LOCAL_REQUIRED.get(name);
  }

  // ---------------------------------------------------------------- tables

  private Table table(String logicalId, Map<String, Object> p) {
    String name = string(ref(logicalId)); // the same answer as a !Ref to the table
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Object o : list(p.get("AttributeDefinitions"))) {
      Map<String, Object> a = map(o);
      attributes.put(string(resolve(a.get("AttributeName"))), string(resolve(a.get("AttributeType"))));
    }
    Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"));
    String ttlAttribute = truthy(resolve(ttl.get("Enabled"))) ? string(resolve(ttl.get("AttributeName"))) : null;
    return new Table(logicalId, name, Collections.unmodifiableMap(attributes), keySchema(p.get("KeySchema")),
        indexes(p.get("GlobalSecondaryIndexes")), indexes(p.get("LocalSecondaryIndexes")), ttlAttribute,
        string(resolve(map(p.get("StreamSpecification")).get("StreamViewType"))));
  }

  private List<KeyElement> keySchema(Object o) {
    List<KeyElement> keys = new ArrayList<>();
    for (Object k : list(o)) {
      Map<String, Object> m = map(k);
      keys.add(new KeyElement(string(resolve(m.get("AttributeName"))), string(resolve(m.get("KeyType")))));
    }
    return List.copyOf(keys);
  }

  private List<Index> indexes(Object o) {
    List<Index> indexes = new ArrayList<>();
    for (Object i : list(o)) {
      Map<String, Object> m = map(i);
      Map<String, Object> projection = map(m.get("Projection"));
      List<String> nonKey = new ArrayList<>();
      for (Object a : list(resolve(projection.get("NonKeyAttributes")))) {
        nonKey.add(string(a));
      }
      String type = string(resolve(projection.get("ProjectionType")));
      indexes.add(new Index(string(resolve(m.get("IndexName"))), keySchema(m.get("KeySchema")),
          type == null ? "ALL" : type, List.copyOf(nonKey)));
    }
    return List.copyOf(indexes);
  }

  // ---------------------------------------------------------------- functions

  /**
   * {@code Globals.Function.Environment.Variables}, resolved: what every function gets, which the local
   * runtime also applies before seeding (e.g. {@code TABLE_NAME}).
   */
  public Map<String, String> globalEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
    map(map(globals.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, scalarString(resolve(v))));
    return Collections.unmodifiableMap(env);
  }

  private Function function(String logicalId, Map<String, Object> p) {
    Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> level : List.of(globals, p)) {
      Object vars = map(map(level.get("Environment")).get("Variables"));
      for (Map.Entry<String, Object> v : map(vars).entrySet()) {
        env.put(v.getKey(), scalarString(resolve(v.getValue())));
      }
    }
    Object handler = p.containsKey("Handler") ? p.get("Handler") : globals.get("Handler");
    Object timeout = p.containsKey("Timeout") ? p.get("Timeout") : globals.get("Timeout");
    Object memory = p.containsKey("MemorySize") ? p.get("MemorySize") : globals.get("MemorySize");
    List<HttpRoute> routes = new ArrayList<>();
    List<FunctionEvent> others = new ArrayList<>();
    for (Map.Entry<String, Object> e : map(p.get("Events")).entrySet()) {
      Map<String, Object> event = map(e.getValue());
      String type = string(event.get("Type"));
      Map<String, Object> props = map(event.get("Properties"));
      if ("HttpApi".equals(type)) {
        routes.add(httpRoute(logicalId, e.getKey(), props));
      } else {
        Object resolved = resolve(props);
        others.add(new FunctionEvent(logicalId, e.getKey(), type,
            resolved instanceof Map<?, ?> ? Collections.unmodifiableMap(map(resolved)) : Map.of()));
      }
    }
    Map<String, Object> invoke = map(resolve(p.containsKey("EventInvokeConfig") ? p.get("EventInvokeConfig")
        : globals.get("EventInvokeConfig")));
    String onFailure = string(map(map(invoke.get("DestinationConfig")).get("OnFailure")).get("Destination"));
    if (onFailure == null) {
      onFailure = string(map(resolve(p.containsKey("DeadLetterQueue") ? p.get("DeadLetterQueue")
          : globals.get("DeadLetterQueue"))).get("TargetArn"));
    }
    return new Function(logicalId, string(resolve(handler)), Collections.unmodifiableMap(env),
        intOr(resolve(timeout), 3), intOr(resolve(memory), 128), List.copyOf(routes), List.copyOf(others),
        string(resolve(p.get("FunctionName"))), new AsyncInvoke(intOr(invoke.get("MaximumRetryAttempts"), 2),
        onFailure));
  }

  /**
   * SAM's rules: a route whose {@code Auth.Authorizer} is {@code NONE} is public; a route naming an
   * authorizer uses it; otherwise the route gets its API's {@code Auth.DefaultAuthorizer} (the
   * {@code AWS::Serverless::HttpApi} named by {@code ApiId}, else the implicit API configured by
   * {@code Globals.HttpApi}); with no default authorizer the route is public, as it would be in AWS.
   */
  private HttpRoute httpRoute(String functionId, String eventName, Map<String, Object> props) {
    String path = string(resolve(props.get("Path")));
    String method = string(resolve(props.get("Method")));
    method = method == null || method.equals("*") ? "ANY" : method.toUpperCase(Locale.ROOT);
    if (path == null) {
      path = "$default";
    }
    String authorizer = string(resolve(map(props.get("Auth")).get("Authorizer")));
    if (authorizer == null) {
      authorizer = string(resolve(map(apiDefinition(props.get("ApiId")).get("Auth")).get("DefaultAuthorizer")));
    }
    if ("NONE".equals(authorizer)) {
      authorizer = null;
    }
    return new HttpRoute(functionId, eventName, method, path, authorizer);
  }

  /** The properties of the HTTP API an event belongs to, merged over {@code Globals.HttpApi}. */
  private Map<String, Object> apiDefinition(Object apiId) {
    Map<String, Object> merged = new LinkedHashMap<>(map(map(root.get("Globals")).get("HttpApi")));
    String id = apiId instanceof Intrinsic i && i.function().equals("Ref") ? string(i.argument()) : string(apiId);
    if (id != null) {
      Map<String, Object> api = map(resources.get(id));
      if ("AWS::Serverless::HttpApi".equals(api.get("Type"))) {
        Map<String, Object> own = map(api.get("Properties"));
        Map<String, Object> auth = new LinkedHashMap<>(map(merged.get("Auth")));
        auth.putAll(map(own.get("Auth")));
        merged.putAll(own);
        merged.put("Auth", auth);
      }
    }
    return merged;
  }

  // ---------------------------------------------------------------- event rules

  private List<Rule> rules(List<Function> fns) {
    List<Rule> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : resources.entrySet()) {
      Map<String, Object> r = map(e.getValue());
      if (!"AWS::Events::Rule".equals(r.get("Type")) || !resourceIncluded(r)) {
        continue;
      }
      Map<String, Object> p = map(r.get("Properties"));
      List<RuleTarget> targets = new ArrayList<>();
      for (Object o : list(p.get("Targets"))) {
        Map<String, Object> t = map(o);
        Map<String, Object> retry = map(resolve(t.get("RetryPolicy")));
        targets.add(new RuleTarget(string(resolve(t.get("Id"))), functionIdOf(t.get("Arn")),
            string(resolve(t.get("Arn"))), string(resolve(t.get("Input"))),
            intOrNull(retry.get("MaximumRetryAttempts")), intOrNull(retry.get("MaximumEventAgeInSeconds")),
            string(resolve(map(t.get("DeadLetterConfig")).get("Arn")))));
      }
      Object pattern = resolve(p.get("EventPattern"));
      String state = string(resolve(p.get("State")));
      out.add(new Rule(e.getKey(), busName(resolve(p.get("EventBusName"))),
          pattern instanceof Map<?, ?> ? Collections.unmodifiableMap(map(pattern)) : null,
          string(resolve(p.get("ScheduleExpression"))), state == null || "ENABLED".equals(state),
          List.copyOf(targets)));
    }
    for (Function fn : fns) {
      for (FunctionEvent ev : fn.otherEvents()) {
        if (!"EventBridgeRule".equals(ev.type()) && !"CloudWatchEvent".equals(ev.type())) {
          continue;
        }
        Map<String, Object> p = ev.properties();
        Map<String, Object> retry = map(p.get("RetryPolicy"));
        Map<String, Object> dlq = map(p.get("DeadLetterConfig"));
        String dlqArn = string(dlq.get("Arn"));
        if (dlqArn == null && dlq.containsKey("Type")) { // a queue SAM creates: <function><event>Queue
          dlqArn = "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + fn.logicalId() + ev.name() + "Queue";
        }
        String state = string(p.get("State"));
        boolean enabled = (state == null || "ENABLED".equals(state)) && !Boolean.FALSE.equals(p.get("Enabled"));
        Object pattern = p.get("Pattern");
        out.add(new Rule(fn.logicalId() + ev.name(), busName(p.get("EventBusName")),
            pattern instanceof Map<?, ?> ? Collections.unmodifiableMap(map(pattern)) : null, null, enabled,
            List.of(new RuleTarget(fn.logicalId() + ev.name() + "Target", fn.logicalId(),
                "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + fn.logicalId(),
                string(p.get("Input")), intOrNull(retry.get("MaximumRetryAttempts")),
                intOrNull(retry.get("MaximumEventAgeInSeconds")), dlqArn))));
      }
    }
    return out;
  }

  /** A bus name or ARN → its name; none → "default". */
  private static String busName(Object value) {
    String s = scalarString(value);
    if (s == null || s.isBlank()) {
      return "default";
    }
    int slash = s.startsWith("arn:") ? s.lastIndexOf('/') : -1;
    return slash >= 0 ? s.substring(slash + 1) : s;
  }

  // ---------------------------------------------------------------- resolution

  /**
   * Resolves intrinsic functions inside any template value (recursively through lists and maps).
   * Unresolvable values become null; {@code AWS::NoValue} removes a map entry.
   */
  public Object resolve(Object value) {
    return resolveValue(value, Map.of());
  }

  private Object resolveValue(Object value, Map<String, Object> subVariables) {
    if (value instanceof Intrinsic i) {
      return evaluate(i, subVariables);
    }
    if (value instanceof Map<?, ?> m) {
      if (m.size() == 1) {
        Object key = m.keySet().iterator().next();
        if ("Ref".equals(key) || "Condition".equals(key) && !(m.get(key) instanceof Map)
            || key instanceof String s && s.startsWith("Fn::")) {
          return evaluate(new Intrinsic(String.valueOf(key), m.get(key)), subVariables);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (isNoValue(e.getValue())) {
          continue;
        }
        out.put(String.valueOf(e.getKey()), resolveValue(e.getValue(), subVariables));
      }
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        if (!isNoValue(o)) {
          out.add(resolveValue(o, subVariables));
        }
      }
      return out;
    }
    return value;
  }

  private static boolean isNoValue(Object o) {
    return o instanceof Intrinsic i && i.function().equals("Ref") && "AWS::NoValue".equals(i.argument());
  }

  private Object evaluate(Intrinsic i, Map<String, Object> vars) {
    try {
      return evaluateOrFail(i, vars);
    } catch (RuntimeException e) {
      return null; // a malformed intrinsic (wrong arity, wrong types) is unresolvable, not fatal
    }
  }

  private Object evaluateOrFail(Intrinsic i, Map<String, Object> vars) {
    Object arg = i.argument();
    switch (i.function()) {
      case "Ref":
        return ref(string(arg));
      case "Condition":
        return condition(string(arg));
      case "Fn::Sub":
        return sub(arg);
      case "Fn::GetAtt": {
        List<Object> parts = arg instanceof String s ? List.of((Object[]) s.split("\\.", 2))
            : list(resolveValue(arg, vars));
        return parts.size() == 2 ? getAtt(string(parts.get(0)), string(parts.get(1))) : null;
      }
      case "Fn::Join": {
        List<Object> a = list(arg);
        String delimiter = string(resolveValue(a.get(0), vars));
        List<String> parts = new ArrayList<>();
        for (Object o : list(resolveValue(a.get(1), vars))) {
          String s = scalarString(o);
          if (s == null) {
            return null;
          }
          parts.add(s);
        }
        return delimiter == null ? null : String.join(delimiter, parts);
      }
      case "Fn::Select": {
        List<Object> a = list(arg);
        Integer index = intOrNull(resolveValue(a.get(0), vars));
        List<Object> items = list(resolveValue(a.get(1), vars));
        return index == null || index < 0 || index >= items.size() ? null : items.get(index);
      }
      case "Fn::Split": {
        List<Object> a = list(arg);
        String delimiter = string(resolveValue(a.get(0), vars));
        String s = string(resolveValue(a.get(1), vars));
        return delimiter == null || s == null ? null : List.of(s.split(Pattern.quote(delimiter), -1));
      }
      case "Fn::FindInMap": {
        List<Object> a = list(resolveValue(arg, vars));
        Object v = map(map(map(root.get("Mappings")).get(string(a.get(0)))).get(string(a.get(1))))
            .get(string(a.get(2)));
        return resolveValue(v, vars);
      }
      case "Fn::If": {
        List<Object> a = list(arg);
        Boolean c = condition(string(a.get(0)));
        if (c == null) {
          return null;
        }
        Object chosen = c ? a.get(1) : a.get(2);
        return isNoValue(chosen) ? null : resolveValue(chosen, vars);
      }
      case "Fn::Equals": {
        List<Object> a = list(resolveValue(arg, vars));
        String x = scalarString(a.get(0));
        String y = scalarString(a.get(1));
        return x == null || y == null ? null : x.equals(y);
      }
      case "Fn::Not": {
        Object v = resolveValue(list(arg).get(0), vars);
        return v instanceof Boolean b ? !b : null;
      }
      case "Fn::And":
      case "Fn::Or": {
        boolean and = i.function().equals("Fn::And");
        for (Object o : list(arg)) {
          Object v = resolveValue(o, vars);
          if (!(v instanceof Boolean b)) {
            return null;
          }
          if (and != b) {
            return !and;
          }
        }
        return and;
      }
      case "Fn::Base64": {
        String s = scalarString(resolveValue(arg, vars));
        return s == null ? null : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
      }
      case "Fn::Length": {
        Object v = resolveValue(arg, vars);
        return v instanceof List<?> l ? l.size() : null;
      }
      default: // Fn::ImportValue, Fn::GetAZs, Fn::Cidr, Fn::ToJsonString …: nothing local to answer with
        return null;
    }
  }

  private Object ref(String name) {
    if (name == null) {
      return null;
    }
    switch (name) {
      case "AWS::Region":
        return REGION;
      case "AWS::AccountId":
        return ACCOUNT_ID;
      case "AWS::Partition":
        return "aws";
      case "AWS::URLSuffix":
        return "amazonaws.com";
      case "AWS::StackName":
        return "doithoai-local";
      case "AWS::NoValue":
        return null;
      default:
        break;
    }
    if (map(root.get("Parameters")).containsKey(name) || parameterOverrides.containsKey(name)) {
      return parameter(name);
    }
    Map<String, Object> resource = map(resources.get(name));
    String type = string(resource.get("Type"));
    if (type == null) {
      return aliasArn(name); // SAM's generated alias (FAlias<name>) or F.Alias; otherwise unknown
    }
    if (!resolving.add(name)) {
      return null; // a reference cycle
    }
    try {
      Map<String, Object> p = map(resource.get("Properties"));
      switch (type) {
        case "AWS::DynamoDB::Table": { // no TableName (or none resolvable): CloudFormation would generate
          String n = string(resolveValue(p.get("TableName"), Map.of())); // one; locally the logical id
          return n == null ? name : n;
        }
        case "AWS::Serverless::Function": { // no FunctionName: CloudFormation would generate one; the logical id
          String n = string(resolveValue(p.get("FunctionName"), Map.of()));
          return n == null ? name : n;
        }
        case "AWS::Cognito::UserPoolClient": // the client id Cognito would generate; the local pool takes any
          return name;
        case "AWS::S3::Bucket": { // no BucketName: CloudFormation would generate one; locally the logical id
          String n = string(resolveValue(p.get("BucketName"), Map.of()));
          return n == null ? name.toLowerCase(java.util.Locale.ROOT) : n;
        }
        case "AWS::SQS::Queue":
          return "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT_ID + "/" + queueName(name, p);
        default: {
          for (String key : List.of("Name", "BucketName", "TopicName", "EventBusName", "ScheduleGroupName")) {
            if (p.containsKey(key)) {
              return string(resolveValue(p.get(key), Map.of()));
            }
          }
          return null;
        }
      }
    } finally {
      resolving.remove(name);
    }
  }

  /**
   * The attributes known locally: a table's {@code Arn} and {@code StreamArn} (a local stream label), a
   * function's {@code Arn} ({@code arn:aws:lambda:…:function:<LogicalId>}, the ARN the local runtime routes
   * by), a queue's {@code Arn} and {@code QueueName}, a role's, event bus's and schedule group's {@code Arn}.
   */
  private Object getAtt(String logicalId, String attribute) {
    Map<String, Object> resource = map(resources.get(logicalId));
    Map<String, Object> p = map(resource.get("Properties"));
    String type = string(resource.get("Type"));
    if (type == null || !resourceIncluded(resource)) {
      return null;
    }
    String prefix = "arn:aws:";
    switch (type + "." + attribute) {
      case "AWS::DynamoDB::Table.Arn":
      case "AWS::DynamoDB::Table.StreamArn": {
        Object name = ref(logicalId);
        return name == null ? null : prefix + "dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + name
            + (attribute.equals("StreamArn") ? "/stream/local" : "");
      }
      case "AWS::S3::Bucket.Arn": {
        Object n = ref(logicalId);
        return n == null ? null : prefix + "s3:::" + n;
      }
      case "AWS::Serverless::Function.Arn":
        return prefix + "lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + logicalId;
      case "AWS::SQS::Queue.Arn":
        return prefix + "sqs:" + REGION + ":" + ACCOUNT_ID + ":" + queueName(logicalId, p);
      case "AWS::SQS::Queue.QueueName":
        return queueName(logicalId, p);
      case "AWS::IAM::Role.Arn": {
        String n = string(resolveValue(p.get("RoleName"), Map.of()));
        return prefix + "iam::" + ACCOUNT_ID + ":role/" + (n == null ? logicalId : n);
      }
      case "AWS::Events::EventBus.Arn": {
        Object n = ref(logicalId);
        return n == null ? null : prefix + "events:" + REGION + ":" + ACCOUNT_ID + ":event-bus/" + n;
      }
      case "AWS::Scheduler::ScheduleGroup.Arn": {
        Object n = ref(logicalId);
        return n == null ? null : prefix + "scheduler:" + REGION + ":" + ACCOUNT_ID + ":schedule-group/" + n;
      }
      default:
        return null;
    }
  }

  private String queueName(String logicalId, Map<String, Object> p) {
    String n = string(resolveValue(p.get("QueueName"), Map.of()));
    return n == null ? logicalId : n;
  }

  /**
   * {@code F.Alias} or SAM's generated {@code FAlias<name>} for a function {@code F} with
   * {@code AutoPublishAlias: <name>}: the alias ARN; else null.
   */
  private String aliasArn(String name) {
    Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
    for (Map.Entry<String, Object> e : resources.entrySet()) {
      Map<String, Object> r = map(e.getValue());
      if (!"AWS::Serverless::Function".equals(r.get("Type")) || !name.startsWith(e.getKey())) {
        continue;
      }
      Map<String, Object> p = map(r.get("Properties"));
      String alias = string(resolveValue(p.containsKey("AutoPublishAlias") ? p.get("AutoPublishAlias")
          : globals.get("AutoPublishAlias"), Map.of()));
      if (alias == null) {
        continue;
      }
      String rest = name.substring(e.getKey().length());
      if (rest.equals(".Alias") || rest.equals("Alias" + alias.replaceAll("[^A-Za-z0-9]", ""))) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + e.getKey() + ":" + alias;
      }
    }
    return null;
  }

  private Object sub(Object arg) {
    String template;
    Map<String, Object> vars;
    if (arg instanceof List<?> l && l.size() == 2) {
      template = string(l.get(0));
      vars = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : map(l.get(1)).entrySet()) {
        vars.put(e.getKey(), resolveValue(e.getValue(), Map.of()));
      }
    } else {
      template = string(arg);
      vars = Map.of();
    }
    if (template == null) {
      return null;
    }
    Matcher m = SUB_VARIABLE.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).strip();
      String replacement;
      if (name.startsWith("!")) {
        replacement = "${" + name.substring(1) + "}"; // ${!Literal} is written as ${Literal}
      } else if (vars.containsKey(name)) {
        replacement = scalarString(vars.get(name));
      } else if (name.contains(".")) {
        String[] parts = name.split("\\.", 2);
        replacement = scalarString(getAtt(parts[0], parts[1]));
      } else {
        replacement = scalarString(ref(name));
      }
      if (replacement == null) {
        return null;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A named condition of the Conditions section; null when it cannot be evaluated. */
  public Boolean condition(String name) {
    if (name == null) {
      return null;
    }
    if (conditionCache.containsKey(name)) {
      return conditionCache.get(name);
    }
    Map<String, Object> conditions = map(root.get("Conditions"));
    Boolean value = null;
    if (conditions.containsKey(name) && resolving.add("Condition:" + name)) {
      try {
        Object v = resolveValue(conditions.get(name), Map.of());
        value = v instanceof Boolean b ? b : null;
      } finally {
        resolving.remove("Condition:" + name);
      }
    }
    conditionCache.put(name, value);
    return value;
  }

  /** A resource with a {@code Condition} that is false is not deployed (nor served locally). */
  private boolean resourceIncluded(Map<String, Object> resource) {
    Object c = resource.get("Condition");
    return c == null || !Boolean.FALSE.equals(condition(string(c)));
  }

  // ---------------------------------------------------------------- plain values

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  private static String string(Object o) {
    return o instanceof String s ? s : scalarString(o);
  }

  /** A scalar as a string (numbers, booleans); null for null, lists, maps and unresolved intrinsics. */
  private static String scalarString(Object o) {
    if (o instanceof String || o instanceof Number || o instanceof Boolean) {
      return String.valueOf(o);
    }
    return null;
  }

  private static boolean truthy(Object o) {
    return Boolean.TRUE.equals(o) || "true".equalsIgnoreCase(scalarString(o));
  }

  private static Integer intOrNull(Object o) {
    try {
      String s = scalarString(o);
      return s == null ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int intOr(Object o, int fallback) {
    Integer i = intOrNull(o);
    return i == null ? fallback : i;
  }

  /** SnakeYAML's safe constructor plus CloudFormation's short-form tags. */
  private static final class CfnConstructor extends SafeConstructor {
    CfnConstructor(LoaderOptions options) {
      super(options);
      for (String fn : SHORT_FORMS) {
        String function = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
        yamlConstructors.put(new Tag("!" + fn), new ConstructIntrinsic(function));
      }
    }

    private final class ConstructIntrinsic extends AbstractConstruct {
      private final String function;

      ConstructIntrinsic(String function) {
        this.function = function;
      }

      @Override
      public Object construct(Node node) {
        Object argument;
        if (node instanceof ScalarNode s) {
          String text = constructScalar(s);
          argument = function.equals("Fn::GetAtt") ? List.of((Object[]) text.split("\\.", 2)) : text;
        } else if (node instanceof SequenceNode q) {
          argument = constructSequence(q);
        } else {
          argument = constructMapping((MappingNode) node);
        }
        return new Intrinsic(function, argument);
      }
    }
  }
}
