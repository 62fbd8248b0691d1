package app.catchball.planning;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PlanItemRepository extends JpaRepository<PlanItem, Long> {

    @Query("""
            select coalesce(max(i.number), 0) from PlanItem i
            where i.unitId = :unit and (i.cycleId = :cycle or (:cycle is null and i.cycleId is null)) and i.kind in :kinds
            """)
    int maxNumber(@Param("unit") Long unit, @Param("cycle") Long cycle, @Param("kinds") List<ItemKind> kinds);

    @Query("""
            select i from PlanItem i
            where i.unitId = :unit and (i.cycleId = :cycle or (:cycle is null and i.cycleId is null))
              and i.kind in :kinds and i.archived = false
            order by i.sortOrder, i.number
            """)
    List<PlanItem> side(@Param("unit") Long unit, @Param("cycle") Long cycle, @Param("kinds") List<ItemKind> kinds);
}
