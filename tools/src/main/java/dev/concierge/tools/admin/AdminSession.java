package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.tools.Options;
import dev.concierge.tools.UsageException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run of an admin command: its parsed command line, the global options every command shares
 * ({@code --url}, {@code --token}, {@code --json}), and where its output goes.
 */
final class AdminSession {

  static final String URL = "--url";
  static final String TOKEN = "--token";
  static final String JSON = "--json";
  static final Set<String> GLOBAL_VALUED = Set.of(URL, TOKEN);
  static final Set<String> GLOBAL_FLAGS = Set.of(JSON);
  static final String DEFAULT_URL = "http://127.0.0.1:8081";
  static final String GLOBAL_OPTIONS_HELP =
      """

      Global options (every admin command):
        --url URL     a node's HTTP address (default CONCIERGE_ADMIN_URL, else http://127.0.0.1:8081)
        --token T     the admin token (default CONCIERGE_ADMIN_TOKEN, else the file that bin/concierge
                      cluster start writes: CONCIERGE_ADMIN_TOKEN_FILE, which bin/concierge sets to
                      $CONCIERGE_STATE_DIR/admin-token, default .concierge/admin-token)
        --json        print the server's JSON answer as it came, instead of tables
        --help        this text
      Exit code 0 when done, 1 when the API failed or refused (its message on stderr), 2 for bad arguments.
      """;

  private final Options options;
  private final AdminEnvironment environment;
  private final PrintStream out;
  private final PrintStream err;
  private final ObjectMapper mapper = new ObjectMapper();

  private AdminSession(Options options, AdminEnvironment environment, PrintStream out, PrintStream err) {
    this.options = options;
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  static AdminSession start(
      Subcommand command, String[] args, AdminEnvironment environment, PrintStream out, PrintStream err)
      throws UsageException {
    Options options = Options.parseWithOperands(args, union(GLOBAL_VALUED, command.valued()),
        union(GLOBAL_FLAGS, command.flags()));
    return new AdminSession(options, environment, out, err);
  }

  Options options() {
    return options;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** Exactly the named operands, in order; the names go into the usage error. */
  List<String> operands(String... names) throws UsageException {
    return expect(options.operands(), names);
  }

  /** Exactly the named operands among {@code operands}, in order; the names go into the usage error. */
  static List<String> expect(List<String> operands, String... names) throws UsageException {
    if (operands.size() < names.length) {
      throw new UsageException("missing " + names[operands.size()]);
    }
    if (operands.size() > names.length) {
      throw new UsageException("unexpected argument '" + operands.get(names.length) + "'");
    }
    return operands;
  }

  /** The node the command talks to. */
  AdminClient client() throws UsageException {
    return clientAt(url(options.value(URL).or(() -> environment.variable(AdminEnvironment.URL_VARIABLE))
        .orElse(DEFAULT_URL), URL));
  }

  AdminClient clientAt(URI url) {
    return new AdminClient(url, AdminToken.resolve(options.value(TOKEN), environment), mapper);
  }

  /** With --json the answer as the server sent it, else what {@code human} makes of it. */
  void print(AdminResponse response, Consumer<JsonNode> human) {
    if (options.has(JSON)) {
      out.println(response.text().strip());
    } else {
      human.accept(response.body());
    }
  }

  static URI url(String text, String option) throws UsageException {
    try {
      URI url = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below, with the value
    }
    throw new UsageException(option + " must be an http:// or https:// URL such as " + DEFAULT_URL + ", was '"
        + text + "'");
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> union = new HashSet<>(first);
    union.addAll(second);
    return union;
  }
}
