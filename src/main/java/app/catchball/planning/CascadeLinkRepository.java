package app.catchball.planning;

import org.springframework.data.jpa.repository.JpaRepository;

interface CascadeLinkRepository extends JpaRepository<CascadeLink, Long> {

    boolean existsBySourceItemIdAndChildUnitId(Long sourceItemId, Long childUnitId);
}
