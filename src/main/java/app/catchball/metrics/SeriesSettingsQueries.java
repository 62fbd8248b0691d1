package app.catchball.metrics;

import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.planning.sql.PlanRelations;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SPC settings and rebase dates of a metric's series (V20): read and written through any of the
 * series' plan items, so a rebase set in one cycle still applies in the next. No permission checks here:
 * {@link MetricsService} checks before it calls.
 */
@Component
class SeriesSettingsQueries {

    private final JdbcClient jdbc;

    SeriesSettingsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SpcSettings read(long metricId) {
        record Row(Integer fixAfterN, boolean screenOutliers) {
        }
        Row row = jdbc.sql(SqlText.using("""
                        select s.fix_after_n, s.screen_outliers from series_spc_settings s
                        join {plan_items} m on m.series_id = s.series_id where m.id = :m
                        """, PlanRelations.PLAN_ITEMS)).param("m", metricId).query(Rows.of(Row.class)).optional().orElse(new Row(null, true));
        List<LocalDate> rebases = jdbc.sql(SqlText.using("""
                        select r.period from series_rebase r join {plan_items} m on m.series_id = r.series_id
                        where m.id = :m order by r.period
                        """, PlanRelations.PLAN_ITEMS)).param("m", metricId).query(LocalDate.class).list();
        return new SpcSettings(row.fixAfterN(), row.screenOutliers(), rebases);
    }

    /** Replaces the series' settings and its rebase dates (periods already normalised, in order). */
    void write(long metricId, Integer fixAfterN, boolean screenOutliers, Collection<LocalDate> rebases) {
        jdbc.sql(SqlText.using("""
                        insert into series_spc_settings (series_id, fix_after_n, screen_outliers)
                        select series_id, :n, :s from {plan_items} where id = :m
                        on conflict (series_id) do update set fix_after_n = excluded.fix_after_n,
                            screen_outliers = excluded.screen_outliers, version = series_spc_settings.version + 1
                        """, PlanRelations.PLAN_ITEMS)).param("m", metricId).param("n", fixAfterN).param("s", screenOutliers).update();
        jdbc.sql(SqlText.using("delete from series_rebase where series_id = (select series_id from {plan_items} where id = :m)",
                        PlanRelations.PLAN_ITEMS))
                .param("m", metricId).update();
        for (LocalDate rebase : rebases) {
            jdbc.sql(SqlText.using("insert into series_rebase (series_id, period) select series_id, :p from {plan_items} where id = :m",
                            PlanRelations.PLAN_ITEMS))
                    .param("m", metricId).param("p", rebase).update();
        }
    }
}
