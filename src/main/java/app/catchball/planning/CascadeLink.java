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

    @Version
    private long version;

    protected CascadeLink() {
    }

    CascadeLink(Long sourceItemId, Long childUnitId, String title, String target, LocalDate dueDate,
                String createdBy, Instant createdAt) {
        this.sourceItemId = sourceItemId;
        this.childUnitId = childUnitId;
        this.title = title;
        this.target = target;
        this.dueDate = dueDate;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = CascadeStatus.DRAFT;
    }

    /** Agreement places the input on the child's matrix. */
    void agree(Long inputItemId, Instant at) {
        this.status = CascadeStatus.AGREED;
        this.inputItemId = inputItemId;
        this.agreedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getInputItemId() {
        return inputItemId;
    }
}
