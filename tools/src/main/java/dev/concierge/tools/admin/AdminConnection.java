package dev.concierge.tools.admin;

import dev.concierge.tools.cli.ToolConsole;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options of every command that talks to a node's admin API: which node, which token, and raw JSON output. */
final class AdminConnection {

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", converter = AdminCommand.HttpUrl.class,
      description = "a node's HTTP address (default " + AdminEnvironment.URL_VARIABLE + ", else the node(s) that"
          + " bin/concierge dev or cluster start recorded in $CONCIERGE_STATE_DIR/" + AdminEnvironment.URLS_FILE_NAME
          + ", else the local nodes)")
  private URI url;

  @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "T",
      description = "the admin token (default " + AdminEnvironment.TOKEN_VARIABLE + ", else the file that bin/concierge"
          + " dev and cluster start write: " + AdminEnvironment.TOKEN_FILE_VARIABLE + ", else"
          + " $CONCIERGE_STATE_DIR/" + AdminEnvironment.TOKEN_FILE_NAME + ", default .concierge/"
          + AdminEnvironment.TOKEN_FILE_NAME + ")")
  private String token;

  @Option(names = "--json", scope = ScopeType.INHERIT,
      description = "print the server's JSON answer as it came, instead of tables")
  private boolean json;

  /** This run's session: these options, and the environment and streams of the entry point. */
  AdminSession session(ToolConsole console) {
    return new AdminSession(Optional.ofNullable(url), Optional.ofNullable(token), json,
        new AdminEnvironment(console.environment()), console.out(), console.err());
  }
}
