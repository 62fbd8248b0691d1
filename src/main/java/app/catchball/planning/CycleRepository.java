package app.catchball.planning;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CycleRepository extends JpaRepository<Cycle, Long> {

    boolean existsByNameIgnoreCase(String name);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Cycle c set c.current = false, c.version = c.version + 1 where c.current = true")
    int clearCurrent();
}
