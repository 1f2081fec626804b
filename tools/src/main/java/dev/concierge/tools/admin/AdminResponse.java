package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer of the admin API: its status, its JSON body, and that body as sent (for --json). */
record AdminResponse(int status, JsonNode body, String text) {}
