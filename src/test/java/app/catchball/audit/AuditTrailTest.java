package app.catchball.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.audit.AuditService.AuditFilter;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.ValueEntry;
import app.catchball.metrics.ValueSource;
import app.catchball.planning.ItemDraft;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanFixture;
import app.catchball.planning.PlanningService;
import app.catchball.security.Role;
import app.catchball.security.SystemUser;
import app.catchball.support.Fixtures;
import app.catchball.support.SpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringTest
class AuditTrailTest {

    @Autowired
    AuditService audit;

    @Autowired
    PlanningService planning;

    @Autowired
    MetricsService metrics;

    @Autowired
    PlanFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_change_is_recorded_with_who_when_and_before_and_after_in_the_same_transaction() {
        Fixtures.Ward ward = fixtures.ward("Audited plan ward");
        ItemView item = fixtures.item(ward, ItemKind.PRIORITY, "Enhanced observation for high-risk patients");

        SystemUser.runAs(ward.lead(), () -> planning.updateItem(item.id(),
                item.toDraft().withTitle("Enhanced observation for patients at high risk of falls"), item.version()));

        List<AuditEntry> history = SystemUser.runAs("viewer", () -> audit.history("plan_item", item.id()));
        assertThat(history.getFirst().actor()).isEqualTo(ward.lead());
        assertThat(history.getFirst().operation()).isEqualTo("UPDATE");
        assertThat(history.getFirst().unitName()).isEqualTo(ward.name());
        assertThat(history.getFirst().changes()).contains("title: Enhanced observation for high-risk patients → "
                + "Enhanced observation for patients at high risk of falls");
        assertThat(history.getLast().operation()).isEqualTo("INSERT");
        String name = jdbc.sql("select display_name from app_user where username = :u").param("u", ward.lead())
                .query(String.class).single();
        assertThat(history.getFirst().sentence()).as("read as a sentence with names")
                .startsWith(name + " changed ")
                .endsWith(" ‘Enhanced observation for patients at high risk of falls’ in " + ward.name());
    }

    /**
     * The connection is told who acts only before a statement that could write: in a read-only
     * transaction it still carries whoever wrote on it last, and a write after it, by someone else,
     * on whatever pooled connection, is recorded as theirs.
     */
    @Test
    void reads_name_nobody_on_the_connection_and_each_write_is_recorded_as_its_users() {
        Fixtures.Ward ward = fixtures.ward("Named writers ward");
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        TransactionTemplate readWrite = new TransactionTemplate(transactions);
        String named = "select coalesce(current_setting('catchball.user', true), '')";
        for (int i = 0; i < 6; i++) {
            // People no connection has been named for yet.
            String reader = fixtures.person(ward, Role.VIEWER);
            String writer = fixtures.person(ward, Role.LEAD);
            String whileReading = SystemUser.runAs(reader, () -> readOnly.execute(t -> jdbc.sql(named).query(String.class).single()));
            String whileWriting = SystemUser.runAs(writer, () -> readWrite.execute(t -> jdbc.sql(named).query(String.class).single()));
            assertThat(whileReading).as("a read-only transaction names nobody").isNotEqualTo(reader);
            assertThat(whileWriting).as("a transaction that may write names its user first").isEqualTo(writer);

            String title = "Named write " + i;
            SystemUser.runAs(reader, () -> planning.matrix(ward.id(), fixture.cycle()));
            SystemUser.runAs(writer, () -> planning.createItem(ward.id(), fixture.cycle(), ItemKind.ANNUAL, ItemDraft.titled(title)));
            assertThat(jdbc.sql("select actor from audit.audit_event where table_name = 'plan_item' and operation = 'INSERT' "
                    + "and after ->> 'title' = :title").param("title", title).query(String.class).single()).isEqualTo(writer);
        }
    }

    @Test
    void changes_with_nothing_visible_are_left_out_unless_asked_for() {
        Fixtures.Ward ward = fixtures.ward("Bookkeeping ward");
        ItemView item = fixtures.item(ward, ItemKind.ANNUAL, "Audit bookkeeping probe");
        jdbc.sql("update plan_item set version = version + 1 where id = :id").param("id", item.id()).update();

        AuditFilter planItems = new AuditFilter(null, ward.id(), "plan_item", null, null);
        assertThat(SystemUser.runAs("admin", () -> audit.search(planItems, 0, 500)))
                .noneMatch(e -> e.rowId() == item.id() && e.operation().equals("UPDATE") && e.changes().equals("no visible change"));
        AuditFilter everything = new AuditFilter(null, ward.id(), "plan_item", null, null, true);
        assertThat(SystemUser.runAs("admin", () -> audit.search(everything, 0, 500)))
                .anyMatch(e -> e.rowId() == item.id() && e.changes().equals("no visible change"));
    }

    @Test
    void metric_values_and_every_other_table_are_audited_but_passwords_never_are() {
        Fixtures.Ward ward = fixtures.ward("Audited ward");
        ItemView recommend = fixtures.metric(ward, "Patients who would recommend the ward");
        SystemUser.runAs(ward.contributor(), () -> metrics.saveValues(recommend.id(),
                List.of(new ValueEntry(LocalDate.of(2026, 10, 1), new BigDecimal("77"))), ValueSource.MANUAL));

        assertThat(jdbc.sql("select count(*) from audit.audit_event where table_name = 'series_value' and actor = :actor")
                .param("actor", ward.contributor()).query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select distinct table_name from audit.audit_event").query(String.class).list())
                .contains("org_unit", "app_user", "role_grant", "cycle", "plan_item", "correlation", "cascade_link",
                        "catchball_step", "series_value", "countermeasure");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where after::text like '%bcrypt%' or before::text like '%bcrypt%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void the_trail_is_out_of_reach_of_the_applications_database_role() {
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
                .as("the application connects as a role that is no superuser").isFalse();
        assertThat(jdbc.sql("select pg_get_userbyid(nspowner) = current_user from pg_namespace where nspname = 'public'")
                .query(Boolean.class).single()).as("and owns the application's schema").isTrue();
        assertThat(jdbc.sql("select count(*) from audit.audit_event").query(Integer.class).single()).isPositive();
        for (String attack : List.of(
                "update audit.audit_event set actor = 'nobody'",
                "delete from audit.audit_event",
                "truncate audit.audit_event",
                "set session_replication_role = replica",
                "set local session_replication_role = replica",
                "alter table audit.audit_event disable trigger all",
                "alter table audit.audit_event disable trigger audit_event_append_only",
                "alter table audit.audit_event owner to current_user",
                "drop table audit.audit_event",
                "drop schema audit cascade",
                "drop function audit.audit_is_append_only() cascade",
                "create or replace function audit.audit_is_append_only() returns trigger language plpgsql as $$ begin return old; end $$",
                "insert into audit.audit_event (actor, table_name, operation) values ('nobody', 'app_user', 'DELETE')")) {
            assertThatThrownBy(() -> jdbc.sql(attack).update()).rootCause().as(attack)
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
    }

    @Test
    void admins_and_coaches_search_the_trail_and_others_may_not() {
        List<AuditEntry> units = SystemUser.runAs("coach", () -> audit.search(
                new AuditFilter(null, fixture.unit("MED"), "plan_item", null, null), 0, 50));
        assertThat(units).isNotEmpty().allSatisfy(e -> assertThat(e.tableName()).isEqualTo("plan_item"));
        assertThat(SystemUser.runAs("admin", () -> audit.search(new AuditFilter("acute.lead", null, null, null, null), 0, 20)))
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("acute.lead"));
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> audit.search(new AuditFilter(null, null, null, null, null), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
