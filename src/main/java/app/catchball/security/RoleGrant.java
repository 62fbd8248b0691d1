package app.catchball.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role held by a user on an organisation unit (and so on everything below it). */
@Entity
@Table(name = "role_grant")
class RoleGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    protected RoleGrant() {
    }

    RoleGrant(Long userId, Long unitId, Role role) {
        this.userId = userId;
        this.unitId = unitId;
        this.role = role;
    }

    Long getId() {
        return id;
    }

    Long getUnitId() {
        return unitId;
    }

    Long getUserId() {
        return userId;
    }

    Role getRole() {
        return role;
    }
}
