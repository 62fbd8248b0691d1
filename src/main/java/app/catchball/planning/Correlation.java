package app.catchball.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A link of a given strength between two items on adjacent sides of one X-matrix. */
@Entity
@Table(name = "correlation")
class Correlation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Corner corner;

    @Column(name = "item_a_id", nullable = false)
    private Long itemA;

    @Column(name = "item_b_id", nullable = false)
    private Long itemB;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Strength strength;

    @Version
    private long version;

    protected Correlation() {
    }

    Correlation(Corner corner, Long itemA, Long itemB, Strength strength) {
        this.corner = corner;
        this.itemA = itemA;
        this.itemB = itemB;
        this.strength = strength;
    }

    Strength getStrength() {
        return strength;
    }

    void setStrength(Strength strength) {
        this.strength = strength;
    }
}
