package dev.concierge.tools.admin;

import dev.concierge.tools.cli.ToolConsole;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

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
public final class AdminCommand implements AdminSessions {

  @ParentCommand private ToolConsole console;

  @Mixin private AdminConnection connection;

  @Override
  public AdminSession session() {
    return connection.session(console);
  }

  /** Reads {@code --url} and {@code --via}: an http:// or https:// URL. */
  static final class HttpUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      return AdminSession.url(value);
    }
  }
}
