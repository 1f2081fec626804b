package dev.concierge.tools.admin;

import static dev.concierge.tools.admin.TextTable.Column.left;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code bin/concierge admin members}: {@code GET /admin/members} as a table. */
@Command(
    name = "members",
    description = "The cluster's members as the node asked sees them: address, status (Joining, Up, Leaving, Exiting,"
        + " Down, Removed...), whether it is reachable, its roles, and which member is the leader, the oldest (it"
        + " hosts the shard coordinator, so a rolling restart does it last) and the node that answered (self).")
final class MembersCommand extends AdminAction {

  @Override
  void run(AdminSession session) {
    session.print(session.client().get(Members.PATH), json -> print(Members.from(json), session.out()));
  }

  static void print(Members members, PrintStream out) {
    TextTable table = new TextTable(left("ADDRESS"), left("STATUS"), left("REACHABLE"), left("ROLES"), left(""));
    for (Members.Member member : members.members()) {
      table.add(member.address(), member.status(), member.reachable() ? "yes" : "NO", String.join(",", member.roles()), marks(members, member.address()));
    }
    table.print(out);
  }

  private static String marks(Members members, String address) {
    List<String> marks = new ArrayList<>();
    if (address.equals(members.leader())) {
      marks.add("leader");
    }
    if (address.equals(members.oldest())) {
      marks.add("oldest");
    }
    if (address.equals(members.self())) {
      marks.add("self");
    }
    return String.join(", ", marks);
  }
}
