package app.catchball.audit;

import app.catchball.base.Formats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry as a sentence a board secretary can read, with names rather than table rows:
 * "Priya Nair created project ‘Board round by 10:00’ in Acute Medical Unit".
 */
final class AuditSentence {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What each audited table holds, in words; a table not listed is named by its words ("pdsa_cycle" → "pdsa cycle"). */
    private static final Map<String, String> NOUNS = Map.ofEntries(
            Map.entry("org_unit", "unit"), Map.entry("app_user", "user"), Map.entry("role_grant", "role"),
            Map.entry("cycle", "planning cycle"), Map.entry("plan_item", "plan item"),
            Map.entry("correlation", "correlation"), Map.entry("cascade_link", "cascade link"),
            Map.entry("catchball_step", "catchball step"), Map.entry("metric_value", "value"),
            Map.entry("metric_trajectory", "trajectory value"), Map.entry("countermeasure", "countermeasure"),
            Map.entry("api_token", "API token"), Map.entry("project", "project"), Map.entry("project_item", "project link"),
            Map.entry("project_measure", "project measure"), Map.entry("pdsa_cycle", "PDSA cycle"),
            Map.entry("project_handover", "project handover"), Map.entry("lead_departure", "lead departure"),
            Map.entry("skill_level", "skill level"), Map.entry("person_skill", "skill record"),
            Map.entry("training_record", "training record"), Map.entry("coaching", "coaching record"),
            Map.entry("metric_spc_settings", "SPC settings"), Map.entry("metric_rebase", "SPC rebase"),
            Map.entry("unit_level", "unit level"), Map.entry("metric_series", "metric series"),
            Map.entry("series_value", "value"), Map.entry("series_value_history", "value history entry"),
            Map.entry("series_spc_settings", "SPC settings"), Map.entry("series_rebase", "SPC rebase"),
            Map.entry("metric_commentary", "commentary"), Map.entry("metric_annotation", "chart note"));

    /** Plan items are named by their kind. */
    private static final Map<String, String> ITEM_KINDS = Map.of(
            "TRUE_NORTH", "True North goal", "BREAKTHROUGH", "breakthrough objective", "INPUT", "cascaded input",
            "ANNUAL", "annual objective", "PRIORITY", "improvement priority", "METRIC", "metric", "OWNER", "owner");

    private static final List<String> LABELS = List.of("title", "name", "display_name", "username", "message", "role",
            "strength", "status");

    private AuditSentence() {
    }

    static String of(AuditEntry e) {
        JsonNode row = row(e.after() != null ? e.after() : e.before());
        String who = "system".equals(e.actor()) ? "Catchball" : e.actorName() == null ? e.actor() : e.actorName();
        String verb = switch (e.operation()) {
            case "INSERT" -> "created";
            case "DELETE" -> "removed";
            default -> "changed";
        };
        StringBuilder s = new StringBuilder(who).append(' ').append(verb).append(' ').append(noun(e.tableName(), row));
        String label = label(e.tableName(), row);
        if (!label.isEmpty()) {
            s.append(' ').append(label);
        }
        if (e.unitName() != null && !"org_unit".equals(e.tableName())) {
            s.append(" in ").append(e.unitName());
        }
        return s.toString();
    }

    static String words(String column) {
        return column.replace('_', ' ');
    }

    private static String noun(String table, JsonNode row) {
        if ("plan_item".equals(table) && row != null && row.hasNonNull("kind")) {
            return ITEM_KINDS.getOrDefault(row.get("kind").asString(), "plan item");
        }
        return NOUNS.getOrDefault(table, words(table));
    }

    private static String label(String table, JsonNode row) {
        if (row == null) {
            return "";
        }
        if ("metric_value".equals(table) || "series_value".equals(table) || "metric_trajectory".equals(table)) {
            String value = row.hasNonNull("value") ? row.get("value").asString() : "none";
            return value + (row.hasNonNull("period") ? " for " + month(row.get("period").asString()) : "");
        }
        for (String key : LABELS) {
            if (row.hasNonNull(key) && !row.get(key).asString().isBlank()) {
                return "‘" + row.get(key).asString() + "’";
            }
        }
        return "";
    }

    private static String month(String isoDate) {
        try {
            return Formats.MONTH.format(LocalDate.parse(isoDate.length() > 10 ? isoDate.substring(0, 10) : isoDate));
        } catch (DateTimeParseException ex) {
            return isoDate;
        }
    }

    private static JsonNode row(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
