package app.catchball.catchball.ui;

import app.catchball.base.ui.Routes;
import app.catchball.planning.ui.ProposalLink;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.annotation.SpringComponent;

/** The X-matrix's link to a new proposal about an item: {@code catchball?propose=<item id>}. */
@SpringComponent
class ProposeDownLink implements ProposalLink {

    @Override
    public RouterLink proposeDown(long itemId) {
        return Routes.link("Propose to units below through catchball", CatchballView.class,
                CatchballView.PROPOSE, String.valueOf(itemId));
    }
}
