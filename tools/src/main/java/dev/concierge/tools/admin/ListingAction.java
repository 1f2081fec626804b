package dev.concierge.tools.admin;

import picocli.CommandLine.Command;

/** An admin command with actions whose own work, without an action, is to list: {@code models}, {@code experiments}. */
abstract class ListingAction extends AdminAction {

  @Command(name = "list", description = "The same as the command without an action: the list.")
  void list() throws Exception {
    run(session());
  }
}
