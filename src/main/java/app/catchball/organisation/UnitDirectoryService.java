package app.catchball.organisation;

import app.catchball.base.UnitDirectory;
import app.catchball.base.UnitRef;
import app.catchball.security.AccessService;
import app.catchball.security.Grant;
import app.catchball.security.PermissionService;
import app.catchball.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The unit pickers' look-ups: filtered and paged, so no screen loads the whole organisation. */
@Service
@Transactional(readOnly = true)
class UnitDirectoryService implements UnitDirectory {

    /** A page is never larger than this, whatever a client asks for. */
    private static final int MAX_PAGE = 200;

    private final UnitTreeQueries tree;
    private final PermissionService permissions;
    private final AccessService access;

    UnitDirectoryService(UnitTreeQueries tree, PermissionService permissions, AccessService access) {
        this.tree = tree;
        this.permissions = permissions;
        this.access = access;
    }

    @Override
    public List<UnitRef> find(String filter, int offset, int limit) {
        permissions.requireUsername();
        return tree.pickable(filter, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    @Override
    public int count(String filter) {
        permissions.requireUsername();
        return tree.countPickable(filter);
    }

    @Override
    public Optional<UnitRef> byCodeOrId(String codeOrId) {
        permissions.requireUsername();
        return codeOrId == null || codeOrId.isBlank() ? Optional.empty() : tree.pickableByCodeOrId(codeOrId);
    }

    @Override
    public Optional<UnitRef> home() {
        List<Grant> grants = access.myGrants();
        List<Long> preferred = new ArrayList<>();
        grants.stream().filter(g -> g.role() == Role.LEAD).map(Grant::unitId).forEach(preferred::add);
        grants.stream().map(Grant::unitId).filter(id -> !preferred.contains(id)).forEach(preferred::add);
        return tree.firstPickableOrTop(preferred);
    }
}
