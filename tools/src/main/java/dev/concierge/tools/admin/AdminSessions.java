package dev.concierge.tools.admin;

/** A command that talks to a node's admin API ({@code admin}, {@code catalog}): its subcommands work in its session. */
interface AdminSessions {
  AdminSession session();
}
