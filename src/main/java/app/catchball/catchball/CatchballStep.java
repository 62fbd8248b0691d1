package app.catchball.catchball;

import app.catchball.planning.CascadeStatus;
import app.catchball.planning.Party;
import app.catchball.planning.Proposal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** One step of a catchball thread: who, when, the move, the message and the whole proposal at that step. Never changed. */
@Entity
@Immutable
@Table(name = "catchball_step")
class CatchballStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "link_id", nullable = false)
    private Long linkId;

    private int seq;

    @Enumerated(EnumType.STRING)
    private Move move;

    @Enumerated(EnumType.STRING)
    private Party party;

    private String actor;

    @Column(name = "actor_name")
    private String actorName;

    private Instant at;

    private String message;

    private String title;

    private String target;

    @Column(name = "due_date")
    private LocalDate dueDate;

    private String resources;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_after")
    private CascadeStatus stateAfter;

    protected CatchballStep() {
    }

    CatchballStep(Long linkId, int seq, Move move, Party party, String actor, String actorName, Instant at,
                  String message, Proposal proposal, CascadeStatus stateAfter) {
        this.linkId = linkId;
        this.seq = seq;
        this.move = move;
        this.party = party;
        this.actor = actor;
        this.actorName = actorName;
        this.at = at;
        this.message = message;
        this.title = proposal.title();
        this.target = proposal.target();
        this.dueDate = proposal.dueDate();
        this.resources = proposal.resources();
        this.stateAfter = stateAfter;
    }
}
