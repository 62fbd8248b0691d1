package app.catchball.planning;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrelationRepository extends JpaRepository<Correlation, Long> {

    Optional<Correlation> findByItemAAndItemB(Long itemA, Long itemB);
}
