package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module, and only that module's SQL names it. Other modules read its data
 * through the owner's services or through the relations it publishes in its {@code sql} named
 * interface ({@code organisation.sql.UnitRelations}, {@code security.sql.UserRelations},
 * {@code planning.sql.PlanRelations}), written {@code {units}} in SQL text. The scan covers every
 * string and text block under each module's package in {@code src/main/java} (JdbcClient SQL and
 * JPA native queries alike) and {@code @Table} mappings.
 */
class TableOwnershipTest {

    /** Who owns which table. A new table needs an owner here, or the test fails. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("organisation", Set.of("unit_level", "org_unit")),
            Map.entry("security", Set.of("app_user", "role_grant", "sign_in_throttle")),
            Map.entry("api", Set.of("api_token")),
            Map.entry("planning", Set.of("cycle", "plan_item", "correlation", "cascade_link",
                    "priority_a3", "priority_a3_action", "priority_a3_version")),
            Map.entry("catchball", Set.of("catchball_step")),
            Map.entry("metrics", Set.of("metric_value", "metric_value_history", "metric_trajectory", "countermeasure",
                    "metric_spc_settings", "metric_rebase", "values_due_setting", "metric_series", "series_value",
                    "series_value_history", "series_spc_settings", "series_rebase", "metric_bowling_rule",
                    "countermeasure_rule_setting", "metric_commentary", "metric_annotation", "metric_rollup",
                    "metric_commitment")),
            Map.entry("projects", Set.of("project", "project_item", "project_measure", "pdsa_cycle", "project_handover",
                    "lead_departure")),
            Map.entry("capability", Set.of("skill_level", "person_skill", "training_record", "coaching")),
            Map.entry("review", Set.of("review", "review_decision")),
            Map.entry("reminders", Set.of("reminder")),
            Map.entry("audit", Set.of("audit_event")),
            // infrastructure: ShedLock's locks and Spring Modulith's event publication registry
            Map.entry("base", Set.of("shedlock", "event_publication")));

    /**
     * The demo trust backdates what it seeds (catchball steps, value history, thread dates) and sets
     * every demo password, which no service offers and none should. Exact: an entry no longer needed fails the test too.
     */
    static final Set<String> DEMO_BACKDATING = Set.of("app_user", "cascade_link", "catchball_step", "plan_item", "metric_series",
            "series_value_history");

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MODULES = Path.of("src/main/java/app/catchball");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\.)?(\\w+)");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\(\\s*name\\s*=\\s*\"(\\w+)\"");

    @Test
    void every_table_has_one_owner() {
        Set<String> created = new TreeSet<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            Matcher m = CREATE_TABLE.matcher(read(migration));
            while (m.find()) {
                created.add(m.group(1).toLowerCase());
            }
        }
        Map<String, String> ownerOf = new HashMap<>();
        OWNERS.forEach((module, tables) -> tables.forEach(t -> assertThat(ownerOf.put(t, module))
                .as("%s is owned twice", t).isNull()));
        assertThat(ownerOf.keySet()).as("tables and their owners").containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void a_module_s_sql_names_only_its_own_tables() {
        Map<String, Set<String>> allowed = Map.of("demo", DEMO_BACKDATING);
        List<String> unexpected = new ArrayList<>();
        Map<String, Set<String>> used = new TreeMap<>();
        foreignTablesByModule().forEach((module, refs) -> refs.forEach(ref -> {
            String table = table(ref);
            if (allowed.getOrDefault(module, Set.of()).contains(table)) {
                used.computeIfAbsent(module, k -> new TreeSet<>()).add(table);
            } else {
                unexpected.add(ref);
            }
        }));
        assertThat(unexpected).as("""
                SQL that names another module's table (file:line table). Read it through the owner's service \
                or the relation it publishes (organisation.sql.UnitRelations, security.sql.UserRelations, \
                planning.sql.PlanRelations)""").isEmpty();
        allowed.forEach((module, tables) -> assertThat(used.getOrDefault(module, Set.of()))
                .as("the allowance for %s lists exactly the tables it still names: remove the entries no longer needed", module)
                .containsExactlyInAnyOrderElementsOf(tables));
    }

    /**
     * Issue 16, point 5: rolling a cycle forward once copied catchball's steps from planning's SQL. Now
     * planning publishes {@code CycleRolledForward} and each module copies its own rows, so planning has
     * no allowance and names no table of catchball or metrics.
     */
    @Test
    void planning_names_no_catchball_or_metrics_table() {
        assertThat(foreignTablesByModule().getOrDefault("planning", Set.of()))
                .filteredOn(ref -> OWNERS.get("catchball").contains(table(ref)) || OWNERS.get("metrics").contains(table(ref)))
                .isEmpty();
    }

    private static String table(String ref) {
        return ref.substring(ref.lastIndexOf(' ') + 1);
    }

    /** For each module, "file:line table" for every table of another module its sources name. */
    private static Map<String, Set<String>> foreignTablesByModule() {
        Map<String, String> ownerOf = new HashMap<>();
        OWNERS.forEach((module, tables) -> tables.forEach(t -> ownerOf.put(t, module)));
        Pattern reference = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(?:only\\s+)?(?:\\w+\\.)?("
                + String.join("|", ownerOf.keySet()) + ")\\b");
        Map<String, Set<String>> foreign = new TreeMap<>();
        for (Path file : files(MODULES, ".java")) {
            Path relative = MODULES.relativize(file);
            if (relative.getNameCount() < 2) {
                continue;
            }
            String module = relative.getName(0).toString();
            String source = read(file);
            Set<String> refs = foreign.computeIfAbsent(module, k -> new TreeSet<>());
            Matcher literal = LITERAL.matcher(source);
            while (literal.find()) {
                String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                Matcher ref = reference.matcher(text);
                while (ref.find()) {
                    note(refs, module, ownerOf, relative, lineOf(source, literal.start(1 + (literal.group(1) != null ? 0 : 1)) + ref.start()),
                            ref.group(1).toLowerCase());
                }
            }
            Matcher table = TABLE_ANNOTATION.matcher(source);
            while (table.find()) {
                note(refs, module, ownerOf, relative, lineOf(source, table.start()), table.group(1).toLowerCase());
            }
        }
        return foreign;
    }

    private static void note(Set<String> refs, String module, Map<String, String> ownerOf, Path file, int line, String table) {
        if (!module.equals(ownerOf.get(table))) {
            refs.add(file + ":" + line + " " + table);
        }
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
