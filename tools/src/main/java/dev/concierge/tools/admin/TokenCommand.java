package dev.concierge.tools.admin;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code concierge admin token}, for {@code bin/concierge}: prints the token the admin commands
 * would send, so that the nodes the launcher starts get that same one.
 */
@Command(
    name = "token",
    hidden = true,
    description = "For bin/concierge: prints the admin token the admin commands send (--token, else"
        + " CONCIERGE_ADMIN_TOKEN, else the token file); exit code 1 when there is none.")
final class TokenCommand extends AdminAction {

  @Option(names = "--create", description = "when there is none, write a new random one to the token file first")
  private boolean create;

  @Override
  void run(AdminSession session) throws IOException {
    AdminToken token = create
        ? AdminToken.resolveOrCreate(session.tokenOption(), session.environment(), session.err())
        : AdminToken.resolve(session.tokenOption(), session.environment());
    session.out().println(token.value());
  }
}
