package app.catchball.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditDiffTest {

    @Test
    void dates_and_times_read_in_british_style_and_stored_documents_are_not_spelt_out() {
        String change = AuditDiff.describe("""
                {"title": "Old", "closed_on": null, "published_at": null, "snapshot": null, "due": "2026-11-06"}""", """
                {"title": "New", "closed_on": "2026-12-01", "published_at": "2026-12-01T07:10:23.934699+00:00",
                 "snapshot": {"metrics": [{"month": "2026-10"}]}, "due": "2026-11-06"}""");

        assertThat(change).contains("title: Old → New", "closed on: none → 1 Dec 2026", "snapshot: none → (stored data)")
                .containsPattern("published at: none → 1 Dec 2026 \\d\\d:\\d\\d")
                .doesNotContain("2026-", "metrics");
    }
}
