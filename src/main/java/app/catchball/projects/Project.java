package app.catchball.projects;

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

/** A local improvement project of a unit. */
@Entity
@Table(name = "project")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id", nullable = false)
    private long unitId;

    @Column(nullable = false)
    private String title;

    private String aim;

    @Column(name = "lead_user_id")
    private Long leadUserId;

    private String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectStage stage;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "proposed_link_id")
    private Long proposedLinkId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Project() {
    }

    Project(long unitId, String username, Instant now) {
        this.unitId = unitId;
        this.createdBy = username;
        this.createdAt = now;
        this.updatedBy = username;
        this.updatedAt = now;
    }

    void apply(ProjectDraft draft) {
        this.title = draft.title();
        this.aim = draft.aim();
        this.leadUserId = draft.leadUserId();
        this.team = draft.team();
        this.stage = draft.stage();
        this.startDate = draft.startDate();
        this.endDate = draft.endDate();
    }

    void touched(String username, Instant now) {
        this.updatedBy = username;
        this.updatedAt = now;
    }

    void approve(String username, Instant now) {
        this.approvedBy = username;
        this.approvedAt = now;
    }

    void handOverTo(long userId) {
        this.leadUserId = userId;
    }

    void proposedAs(long linkId) {
        this.proposedLinkId = linkId;
    }

    Long getId() {
        return id;
    }

    long getUnitId() {
        return unitId;
    }

    String getTitle() {
        return title;
    }

    String getAim() {
        return aim;
    }

    Long getLeadUserId() {
        return leadUserId;
    }

    LocalDate getEndDate() {
        return endDate;
    }

    boolean isApproved() {
        return approvedAt != null;
    }

    Long getProposedLinkId() {
        return proposedLinkId;
    }

    long getVersion() {
        return version;
    }
}
