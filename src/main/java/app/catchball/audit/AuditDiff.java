package app.catchball.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Describes the difference between two JSON snapshots of a row, field by field. */
final class AuditDiff {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
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

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "none" : node.isString() ? node.asString() : node.toString();
    }
}
