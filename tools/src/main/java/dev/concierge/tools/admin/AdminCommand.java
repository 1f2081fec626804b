package dev.concierge.tools.admin;

import dev.concierge.tools.Concierge;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code bin/concierge admin}: the operator's view of the cluster and its controls, through a node's
 * admin HTTP API: members, where shards live and which are hot, moving a shard, draining a node,
 * the allocation settings, and the model bundles and experiments.
 */
@Command(
    name = "admin",
    description = {
      "The operator's view of the cluster and its controls, through a node's admin HTTP API.",
      "NODE is a member's address (pekko://concierge@127.0.0.1:2552), host:port (127.0.0.1:2552) or a local node's"
          + " name (local1, local2, ...: the nodes of bin/concierge cluster start).",
      "With no --url, the command asks the node that bin/concierge dev or cluster start started (the first of them"
          + " that answers), else the first local node that answers."
    },
    subcommands = {
      MembersCommand.class, ShardsCommand.class, MoveCommand.class, DrainCommand.class, AllocationCommand.class,
      ModelsCommand.class, ExperimentsCommand.class, RollingRestartCommand.class,
      TokenCommand.class
    })
public final class AdminCommand {

  @ParentCommand private Concierge concierge;

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", converter = HttpUrl.class,
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

  /** This run's session: its global options, environment and streams. */
  AdminSession session() {
    return new AdminSession(Optional.ofNullable(url), Optional.ofNullable(token), json,
        new AdminEnvironment(concierge.environment()), concierge.out(), concierge.err());
  }

  /** Reads {@code --url} and {@code --via}: an http:// or https:// URL. */
  static final class HttpUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      return AdminSession.url(value);
    }
  }
}
