package dev.concierge.tools.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code concierge admin token}, for {@code bin/concierge}: prints the token the admin commands
 * would send, so that the nodes the launcher starts get that same one.
 */
@Command(
    name = "token",
    hidden = true,
    description = "For bin/concierge: prints the admin token the admin commands send (--token, else"
        + " CONCIERGE_ADMIN_TOKEN, else the token file); exit code 1 when there is none.")
final class TokenCommand implements Callable<Integer> {

  @ParentCommand private AdminCommand admin;

  @Option(names = "--create", description = "when there is none, write a new random one to the token file first")
  private boolean create;

  @Override
  public Integer call() throws Exception {
    AdminSession session = admin.session();
    AdminToken token = create
        ? AdminToken.resolveOrCreate(session.tokenOption(), session.environment(), session.err())
        : AdminToken.resolve(session.tokenOption(), session.environment());
    session.out().println(token.value());
    return 0;
  }
}
