package app.catchball.capability;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SkillLevelRepository extends JpaRepository<SkillLevel, Long> {

    List<SkillLevel> findAllByOrderBySortOrderAscIdAsc();

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);
}
