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
import java.time.Instant;
import java.time.LocalDate;

/**
 * An item of a parent unit deployed to a child unit. The wording, target and due date are what was
 * (or is being) agreed; once agreed, the input item sits on the child's South side.
 */
@Entity
@Table(name = "cascade_link")
class CascadeLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_item_id", nullable = false)
    private Long sourceItemId;

    @Column(name = "child_unit_id", nullable = false)
    private Long childUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CascadeStatus status;

    @Column(nullable = false)
    private String title;

    private String target;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "input_item_id")
    private Long inputItemId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "agreed_at")
    private Instant agreedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Party initiator = Party.PARENT;

    @Column(name = "parent_unit_id", nullable = false)
    private Long parentUnitId;

    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;

    private String rationale;

    private String resources;

    private int rounds;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CascadeLink() {
    }

    CascadeLink(Long sourceItemId, Long parentUnitId, Long childUnitId, Long cycleId, Party initiator,
                Proposal proposal, String createdBy, Instant createdAt) {
        this.sourceItemId = sourceItemId;
        this.parentUnitId = parentUnitId;
        this.childUnitId = childUnitId;
        this.cycleId = cycleId;
        this.initiator = initiator;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = CascadeStatus.DRAFT;
        propose(proposal, createdAt);
    }

    /** The proposal under discussion changes (a revision, a counter-proposal). */
    void propose(Proposal proposal, Instant at) {
        this.title = proposal.title();
        this.target = proposal.target();
        this.dueDate = proposal.dueDate();
        this.rationale = proposal.rationale();
        this.resources = proposal.resources();
        this.updatedAt = at;
    }

    void moveTo(CascadeStatus next, boolean newRound, Instant at) {
        this.status = next;
        if (newRound) {
            this.rounds++;
        }
        this.updatedAt = at;
    }

    CascadeStatus getStatus() {
        return status;
    }

    Long getSourceItemId() {
        return sourceItemId;
    }

    void setSourceItemId(Long sourceItemId) {
        this.sourceItemId = sourceItemId;
    }

    Long getParentUnitId() {
        return parentUnitId;
    }

    Long getChildUnitId() {
        return childUnitId;
    }

    Long getCycleId() {
        return cycleId;
    }

    String getTitle() {
        return title;
    }

    String getTarget() {
        return target;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    long getVersion() {
        return version;
    }

    /** Agreement places the input on the child's matrix. */
    void agree(Long inputItemId, Instant at) {
        this.status = CascadeStatus.AGREED;
        this.inputItemId = inputItemId;
        this.agreedAt = at;
        this.updatedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getInputItemId() {
        return inputItemId;
    }
}
