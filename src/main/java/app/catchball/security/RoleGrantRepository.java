package app.catchball.security;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoleGrantRepository extends JpaRepository<RoleGrant, Long> {

    boolean existsByUserIdAndUnitIdAndRole(Long userId, Long unitId, Role role);

    List<RoleGrant> findByUnitId(Long unitId);
}
