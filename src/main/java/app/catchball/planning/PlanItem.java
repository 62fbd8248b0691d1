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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An item of a unit's X-matrix in a cycle (or, for True North, of the trust across cycles). Archived, never deleted. */
@Entity
@Table(name = "plan_item")
class PlanItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id")
    private Long cycleId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemKind kind;

    private int number;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(name = "accountable_user_id")
    private Long accountableUserId;

    @Column(name = "true_north_id")
    private Long trueNorthId;

    @Column(name = "source_item_id")
    private Long sourceItemId;

    @Column(name = "unit_of_measure")
    private String unitOfMeasure;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    private BigDecimal baseline;

    private BigDecimal target;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "owner_user_id")
    private Long ownerUserId;

    @Column(name = "team_name")
    private String teamName;

    private boolean archived;

    @Column(name = "carried_from_id")
    private Long carriedFromId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected PlanItem() {
    }

    PlanItem(Long cycleId, Long unitId, ItemKind kind, int number, int sortOrder) {
        this.cycleId = cycleId;
        this.unitId = unitId;
        this.kind = kind;
        this.number = number;
        this.sortOrder = sortOrder;
    }

    /** Copies the editable fields from a draft (the kind, unit and cycle never change). */
    void apply(ItemDraft draft, String by, Instant at) {
        this.title = draft.title().strip();
        this.description = blankToNull(draft.description());
        this.accountableUserId = draft.accountableUserId();
        this.trueNorthId = draft.trueNorthId();
        this.unitOfMeasure = blankToNull(draft.unitOfMeasure());
        this.direction = draft.direction();
        this.baseline = draft.baseline();
        this.target = draft.target();
        this.dueDate = draft.dueDate();
        this.ownerUserId = draft.ownerUserId();
        this.teamName = blankToNull(draft.teamName());
        touch(by, at);
    }

    void touch(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    Long getId() {
        return id;
    }

    Long getCycleId() {
        return cycleId;
    }

    Long getUnitId() {
        return unitId;
    }

    ItemKind getKind() {
        return kind;
    }

    int getNumber() {
        return number;
    }

    int getSortOrder() {
        return sortOrder;
    }

    void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    void setSourceItemId(Long sourceItemId) {
        this.sourceItemId = sourceItemId;
    }

    void setTarget(BigDecimal target) {
        this.target = target;
    }

    void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    boolean isArchived() {
        return archived;
    }

    void setArchived(boolean archived) {
        this.archived = archived;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }

    String code() {
        return kind.letter() + number;
    }
}
