package app.catchball.audit;

import app.catchball.base.Formats;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Describes the difference between two JSON snapshots of a row, field by field. */
final class AuditDiff {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");
    /** Bookkeeping columns: a change to these alone is not a change anyone can see. */
    static final Set<String> NOISE = Set.of("version", "updated_at", "updated_by", "last_used_at", "session_version");

    private AuditDiff() {
    }

    static String describe(String before, String after) {
        JsonNode b = before == null ? null : JSON.readTree(before);
        JsonNode a = after == null ? null : JSON.readTree(after);
        if (b == null && a == null) {
            return "";
        }
        if (b == null) {
            return "";
        }
        if (a == null) {
            return "";
        }
        List<String> changes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode old = b.get(field.getKey());
            if (!NOISE.contains(field.getKey()) && !Objects.equals(old, field.getValue())) {
                changes.add(AuditSentence.words(field.getKey()) + ": " + text(old) + " → " + text(field.getValue()));
            }
        }
        return changes.isEmpty() ? "no visible change" : String.join("; ", changes);
    }

    /** A value as people read it: dates "1 Dec 2026", times "1 Dec 2026 07:10", stored documents not spelt out. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "none";
        }
        if (node.isContainer()) {
            return "(stored data)";
        }
        if (!node.isString()) {
            return node.toString();
        }
        String value = node.asString();
        try {
            if (DATE.matcher(value).matches()) {
                return Formats.DAY.format(LocalDate.parse(value));
            }
            if (DATE_TIME.matcher(value).matches()) {
                TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
                return Formats.DAY_AND_TIME.format(parsed instanceof OffsetDateTime at
                        ? at.atZoneSameInstant(ZoneId.systemDefault()) : parsed);
            }
        } catch (DateTimeException notADate) {
            // shown as it was stored
        }
        return value;
    }
}
