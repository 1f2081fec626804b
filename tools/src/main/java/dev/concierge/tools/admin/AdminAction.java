package dev.concierge.tools.admin;

import dev.concierge.tools.Tool;
import picocli.CommandLine.Model.CommandSpec;

/** An admin command at any depth ({@code admin members}, {@code admin models publish}): it works in a session. */
abstract class AdminAction extends Tool {

  @Override
  protected final void run() throws Exception {
    run(session());
  }

  abstract void run(AdminSession session) throws Exception;

  /** The session of the {@code admin} command this one sits under, with its global options. */
  final AdminSession session() {
    CommandSpec at = spec();
    while (!(at.userObject() instanceof AdminCommand admin)) {
      at = at.parent();
    }
    return admin.session();
  }
}
