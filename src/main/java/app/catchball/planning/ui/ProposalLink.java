package app.catchball.planning.ui;

import com.vaadin.flow.router.RouterLink;
import org.springframework.modulith.NamedInterface;

/**
 * "Propose to units below through catchball" on a priority's details. Catchball owns the page it
 * opens and depends on planning, so catchball implements this and the X-matrix links through it
 * without depending back on catchball.
 */
@NamedInterface("proposal-link")
public interface ProposalLink {

    RouterLink proposeDown(long itemId);
}
