package app.catchball.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A planning year, e.g. 2026/27, with its stage. */
@Entity
@Table(name = "cycle")
class Cycle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "first_month", nullable = false)
    private LocalDate firstMonth;

    @Column(name = "last_month", nullable = false)
    private LocalDate lastMonth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CycleStage stage = CycleStage.DRAFT;

    @Column(name = "is_current")
    private boolean current;

    @Column(name = "previous_cycle_id")
    private Long previousCycleId;

    @Version
    private long version;

    protected Cycle() {
    }

    Cycle(String name, LocalDate firstMonth, LocalDate lastMonth, Long previousCycleId) {
        this.name = name;
        this.firstMonth = firstMonth.withDayOfMonth(1);
        this.lastMonth = lastMonth.withDayOfMonth(1);
        this.previousCycleId = previousCycleId;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    CycleStage getStage() {
        return stage;
    }

    LocalDate getFirstMonth() {
        return firstMonth;
    }

    LocalDate getLastMonth() {
        return lastMonth;
    }

    boolean isCurrent() {
        return current;
    }

    Long getPreviousCycleId() {
        return previousCycleId;
    }

    long getVersion() {
        return version;
    }

    void setStage(CycleStage stage) {
        this.stage = stage;
    }

    void setCurrent(boolean current) {
        this.current = current;
    }

    void setPreviousCycleId(Long previousCycleId) {
        this.previousCycleId = previousCycleId;
    }

    CycleSummary toSummary() {
        return new CycleSummary(id, name, firstMonth, lastMonth, stage, current, previousCycleId, version);
    }
}
