package app.catchball.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A node of the organisation tree: an ICS, trust, division, directorate, ward or team. */
@Entity
@Table(name = "org_unit")
class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "short_code", nullable = false)
    private String shortCode;

    @Column(name = "level_code", nullable = false)
    private String levelCode;

    @Column(name = "parent_id")
    private Long parentId;

    private boolean archived;

    @Version
    private long version;

    protected OrgUnit() {
    }

    OrgUnit(String name, String shortCode, String levelCode, Long parentId) {
        this.name = name;
        this.shortCode = shortCode;
        this.levelCode = levelCode;
        this.parentId = parentId;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Long getParentId() {
        return parentId;
    }

    boolean isArchived() {
        return archived;
    }

    long getVersion() {
        return version;
    }

    void rename(String name, String shortCode) {
        this.name = name;
        this.shortCode = shortCode;
    }

    void moveUnder(Long parentId) {
        this.parentId = parentId;
    }

    void setArchived(boolean archived) {
        this.archived = archived;
    }
}
