package app.catchball.capability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One entry of the ordered list of improvement skill levels. */
@Entity
@Table(name = "skill_level")
class SkillLevel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "can_coach", nullable = false)
    private boolean canCoach;

    @Version
    private long version;

    protected SkillLevel() {
    }

    SkillLevel(String name, int sortOrder, boolean canCoach) {
        this.name = name;
        this.sortOrder = sortOrder;
        this.canCoach = canCoach;
    }

    void change(String newName, boolean coach) {
        this.name = newName;
        this.canCoach = coach;
    }

    void setSortOrder(int order) {
        this.sortOrder = order;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    int getSortOrder() {
        return sortOrder;
    }

    long getVersion() {
        return version;
    }

    SkillLevelView toView() {
        return new SkillLevelView(id, name, sortOrder, canCoach, version);
    }
}
