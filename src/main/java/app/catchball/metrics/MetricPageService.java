package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.metrics.SpcBatchQueries.Series;
import app.catchball.security.AccessService;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.UserSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The page of a metric, read in one read-only transaction with one look-up of the metric and one
 * permission check ({@link MetricPage}): a fixed, small number of statements, instead of one service
 * call per section that each looks the metric up and checks again. Changes go through the services
 * of each part.
 */
@Service
@Transactional(readOnly = true)
public class MetricPageService {

    private final BowlingRules rules;
    private final SpcBatchQueries spcs;
    private final MetricNotesQueries notes;
    private final MetricRollupQueries rollups;
    private final CountermeasureQueries countermeasures;
    private final PermissionService permissions;
    private final AccessService access;
    private final JdbcClient jdbc;
    private final Clock clock;

    MetricPageService(BowlingRules rules, SpcBatchQueries spcs, MetricNotesQueries notes, MetricRollupQueries rollups,
                      CountermeasureQueries countermeasures, PermissionService permissions, AccessService access,
                      JdbcClient jdbc, Clock clock) {
        this.rules = rules;
        this.spcs = spcs;
        this.notes = notes;
        this.rollups = rollups;
        this.countermeasures = countermeasures;
        this.permissions = permissions;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Everything the metric's page shows, for anyone who may see the metric's unit: the metric with its
     * bowling rule, the permission check (which answers every "may they?" of the page), its series with
     * its chart settings, commentary, notes, roll-up, corrections and countermeasures, and (for those
     * who may record a countermeasure) the people it may name.
     */
    public MetricPage page(long metricId) {
        BowlingRules.MetricRule found = rules.metricRule(metricId).orElseThrow(() -> new RuleViolation("That metric does not exist."));
        MetricInfo metric = found.metric();
        Set<Action> actions = permissions.checkAndList(Action.VIEW, metric.unitId());
        boolean mayChange = actions.contains(Action.EDIT_PLAN);
        boolean mayRecord = actions.contains(Action.ENTER_METRIC_VALUES) || actions.contains(Action.COACH);

        Series series = spcs.seriesOf(List.of(metricId)).getOrDefault(metricId, new Series(List.of(), SpcBatchQueries.DEFAULTS));
        MetricSpc spc = new MetricSpc(metric, series.values().stream().map(MetricValueView::period).toList(),
                MetricsService.analyse(metric, series.values(), series.settings()));
        MetricNotes metricNotes = new MetricNotes(notes.commentaryOf(List.of(metricId)), notes.annotationsOf(List.of(metricId)),
                permissions.mayWriteMetricNotes(metric.unitId(), metric.ownerUserId()));
        List<MetricInfo> parts = found.rule().aggregation() == Aggregation.RATIO ? List.copyOf(rules.others(metric)) : List.of();
        BowlingSettings bowling = new BowlingSettings(metric, found.rule(), found.plannedMonths(), found.months(), mayChange,
                mayChange && found.cycleOpen(), parts);
        MetricRollupService.RollupPage rollup = new MetricRollupService.RollupPage(rollups.rollups(List.of(metric)).get(metricId),
                permissions.mayLinkMetrics(metric.unitId(), metric.unitId()));
        List<UserSummary> owners = mayRecord ? access.users().stream().filter(UserSummary::active).toList() : List.of();
        return new MetricPage(spc, series.settings(), series.values(), corrections(metricId), metricNotes, bowling, rollup,
                countermeasures.countermeasuresOf(List.of(metricId)).getOrDefault(metricId, List.of()),
                ValueRules.currentPeriod(metric.frequency(), LocalDate.now(clock)), mayChange,
                actions.contains(Action.ENTER_METRIC_VALUES), mayRecord, owners);
    }

    /** The corrections of the metric's values (changes of a value it had), newest first. */
    private List<HistoryEntry> corrections(long metricId) {
        return jdbc.sql(MetricsService.HISTORY + " and h.old_value is not null order by h.changed_at desc, h.id desc")
                .param("m", metricId).query(Rows.of(HistoryEntry.class)).list();
    }
}
