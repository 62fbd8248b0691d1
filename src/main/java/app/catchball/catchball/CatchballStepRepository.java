package app.catchball.catchball;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CatchballStepRepository extends JpaRepository<CatchballStep, Long> {

    @Query("select coalesce(max(s.seq), 0) from CatchballStep s where s.linkId = :link")
    int lastSeq(@Param("link") Long linkId);
}
