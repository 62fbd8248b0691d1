package app.catchball.organisation;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    boolean existsByShortCodeIgnoreCase(String shortCode);

    boolean existsByShortCodeIgnoreCaseAndIdNot(String shortCode, Long id);

    boolean existsByParentIdAndArchivedFalse(Long parentId);
}
