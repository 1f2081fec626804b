package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The answer of {@code GET /admin/members}: the cluster as the node that answered sees it. */
record Members(String self, String leader, String oldest, List<Member> members) {

  static final String PATH = "/admin/members";

  record Member(String address, String status, List<String> roles, boolean reachable) {

    static Member from(JsonNode json) {
      List<String> roles = new ArrayList<>();
      json.path("roles").forEach(role -> roles.add(role.asText()));
      return new Member(json.path("address").asText(), json.path("status").asText(), List.copyOf(roles),
          json.path("reachable").asBoolean(true));
    }
  }

  static Members fetch(AdminClient client) {
    return from(client.get(PATH).body());
  }

  /** The answer of the first of these nodes that gives one; empty when none does. */
  static Optional<Members> fromFirstAnswering(List<AdminClient> clients) {
    for (AdminClient client : clients) {
      try {
        return Optional.of(fetch(client));
      } catch (AdminApiException e) {
        // the next one
      }
    }
    return Optional.empty();
  }

  static Members from(JsonNode json) {
    List<Member> members = new ArrayList<>();
    json.path("members").forEach(member -> members.add(Member.from(member)));
    return new Members(json.path("self").asText(), json.path("leader").asText(), json.path("oldest").asText(),
        List.copyOf(members));
  }

  Optional<Member> member(String address) {
    return members.stream().filter(member -> member.address().equals(address)).findFirst();
  }

  /** For error messages: every member's address and status. */
  String describe() {
    if (members.isEmpty()) {
      return "(none)";
    }
    List<String> lines = new ArrayList<>();
    members.forEach(member -> lines.add(member.address() + " (" + member.status() + ")"));
    return String.join(", ", lines);
  }
}
