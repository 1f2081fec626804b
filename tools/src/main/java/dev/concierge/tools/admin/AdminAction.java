package dev.concierge.tools.admin;

import dev.concierge.tools.cli.Tool;
import picocli.CommandLine.Model.CommandSpec;

/** An admin command at any depth ({@code admin members}, {@code admin models publish}, {@code catalog load}): it works in a session. */
abstract class AdminAction extends Tool {

  @Override
  protected final void run() throws Exception {
    run(session());
  }

  abstract void run(AdminSession session) throws Exception;

  /** The session of the {@code admin} or {@code catalog} command this one sits under, with its global options. */
  final AdminSession session() {
    CommandSpec at = spec();
    while (!(at.userObject() instanceof AdminSessions owner)) {
      at = at.parent();
    }
    return owner.session();
  }
}
