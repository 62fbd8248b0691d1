package app.catchball.organisation;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree. Everyone signed in may read it (transparency is the default); only an
 * Admin may add, rename, move or archive units.
 */
@Service
@Transactional
public class OrganisationService {

    private final OrgUnitRepository units;
    private final UnitTreeQueries tree;
    private final PermissionService permissions;

    OrganisationService(OrgUnitRepository units, UnitTreeQueries tree, PermissionService permissions) {
        this.units = units;
        this.tree = tree;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public List<UnitNode> wholeTree() {
        permissions.requireUsername();
        return tree.wholeTree();
    }

    /** A page of the organisation tree in its order, and how many units there are in all. */
    @Transactional(readOnly = true)
    public UnitPage treePage(int offset, int limit) {
        permissions.requireUsername();
        return new UnitPage(tree.treePage(offset, limit), tree.countUnits());
    }

    public record UnitPage(List<UnitNode> units, int total) {
    }

    @Transactional(readOnly = true)
    public UnitNode get(long unitId) {
        permissions.check(Action.VIEW, unitId);
        return tree.find(unitId).orElseThrow(() -> new RuleViolation("That unit does not exist."));
    }

    /** These units, archived ones left out, by name: one statement, however large the organisation. */
    @Transactional(readOnly = true)
    public List<UnitNode> units(Collection<Long> unitIds) {
        permissions.checkView();
        return unitIds.isEmpty() ? List.of() : tree.units(unitIds);
    }

    /**
     * A page of the units directly below a unit (the top of the tree for null), archived ones
     * included, by name: the organisation screen opens the tree a level at a time.
     */
    @Transactional(readOnly = true)
    public List<UnitNode> children(Long parentId, int offset, int limit) {
        permissions.checkView();
        return tree.children(parentId, offset, limit);
    }

    /** How many units {@link #children} pages through. */
    @Transactional(readOnly = true)
    public int countChildren(Long parentId) {
        permissions.checkView();
        return tree.countChildren(parentId);
    }

    /** Of these units, those with any unit below them, archived ones counted. */
    @Transactional(readOnly = true)
    public Set<Long> parentsAmong(Collection<Long> unitIds) {
        permissions.checkView();
        return unitIds.isEmpty() ? Set.of() : tree.parentsAmong(unitIds);
    }

    /** Of these units, those with units below them. */
    @Transactional(readOnly = true)
    public Set<Long> withUnitsBelow(Collection<Long> unitIds) {
        permissions.checkView();
        return unitIds.isEmpty() ? Set.of() : tree.withUnitsBelow(unitIds);
    }

    /** The unit and everything below it, parents first. */
    @Transactional(readOnly = true)
    public List<UnitNode> subtree(long unitId) {
        permissions.check(Action.VIEW, unitId);
        return tree.subtree(unitId);
    }

    /** The units above this one, from the top of the tree down to its parent. */
    @Transactional(readOnly = true)
    public List<UnitNode> ancestors(long unitId) {
        permissions.check(Action.VIEW, unitId);
        return tree.ancestors(unitId);
    }

    /** Each unit's path to the top of the tree, e.g. "Ward 7 — Respiratory › Emergency & Acute Medicine › …". */
    @Transactional(readOnly = true)
    public Map<Long, String> paths(Collection<Long> unitIds) {
        permissions.checkView();
        return tree.paths(unitIds);
    }

    @Transactional(readOnly = true)
    public List<UnitLevel> levels() {
        return tree.levels();
    }

    /** Whether the signed-in user may change the tree; the service refuses anyone else anyway. */
    @Transactional(readOnly = true)
    public boolean mayEditTree() {
        return permissions.isAdmin();
    }

    public UnitNode create(String name, String shortCode, String levelCode, Long parentId) {
        permissions.checkAdmin();
        String cleanName = requireName(name);
        String cleanCode = requireCode(shortCode);
        if (levels().stream().noneMatch(l -> l.code().equals(levelCode))) {
            throw new RuleViolation("Please choose the unit's level.");
        }
        if (parentId != null) {
            OrgUnit parent = units.findById(parentId).orElseThrow(() -> new RuleViolation("The parent unit does not exist."));
            if (parent.isArchived()) {
                throw new RuleViolation("A unit cannot be added under the archived unit " + parent.getName() + ".");
            }
        }
        if (units.existsByShortCodeIgnoreCase(cleanCode)) {
            throw new RuleViolation("The short code " + cleanCode + " is already used by another unit.");
        }
        OrgUnit saved = units.saveAndFlush(new OrgUnit(cleanName, cleanCode, levelCode, parentId));
        return tree.find(saved.getId()).orElseThrow();
    }

    public UnitNode rename(long unitId, String name, String shortCode, long expectedVersion) {
        permissions.checkAdmin();
        OrgUnit unit = current(unitId, expectedVersion);
        String cleanName = requireName(name);
        String cleanCode = requireCode(shortCode);
        if (units.existsByShortCodeIgnoreCaseAndIdNot(cleanCode, unitId)) {
            throw new RuleViolation("The short code " + cleanCode + " is already used by another unit.");
        }
        unit.rename(cleanName, cleanCode);
        flush(unit);
        return tree.find(unitId).orElseThrow();
    }

    public UnitNode move(long unitId, long newParentId, long expectedVersion) {
        permissions.checkAdmin();
        OrgUnit unit = current(unitId, expectedVersion);
        OrgUnit parent = units.findById(newParentId).orElseThrow(() -> new RuleViolation("The new parent unit does not exist."));
        if (tree.isInSubtree(newParentId, unitId)) {
            throw new RuleViolation("A unit cannot be moved under itself or one of its own units: "
                    + parent.getName() + " is part of " + unit.getName() + ".");
        }
        if (parent.isArchived()) {
            throw new RuleViolation("A unit cannot be moved under the archived unit " + parent.getName() + ".");
        }
        unit.moveUnder(newParentId);
        flush(unit);
        return tree.find(unitId).orElseThrow();
    }

    public UnitNode archive(long unitId, long expectedVersion) {
        permissions.checkAdmin();
        OrgUnit unit = current(unitId, expectedVersion);
        if (units.existsByParentIdAndArchivedFalse(unitId)) {
            throw new RuleViolation(unit.getName() + " still has active units below it: archive or move them first.");
        }
        unit.setArchived(true);
        flush(unit);
        return tree.find(unitId).orElseThrow();
    }

    public UnitNode restore(long unitId, long expectedVersion) {
        permissions.checkAdmin();
        OrgUnit unit = current(unitId, expectedVersion);
        if (unit.getParentId() != null && units.findById(unit.getParentId()).map(OrgUnit::isArchived).orElse(false)) {
            throw new RuleViolation("Restore the unit above it first.");
        }
        unit.setArchived(false);
        flush(unit);
        return tree.find(unitId).orElseThrow();
    }

    private void flush(OrgUnit unit) {
        try {
            units.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException(unit.getName()
                    + " was changed by someone else at the same moment. Reload and try again.");
        }
    }

    private OrgUnit current(long unitId, long expectedVersion) {
        OrgUnit unit = units.findById(unitId).orElseThrow(() -> new RuleViolation("That unit does not exist."));
        if (unit.getVersion() != expectedVersion) {
            throw new RuleViolation(unit.getName() + " was changed by someone else in the meantime. Reload and try again.");
        }
        return unit;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("Please give the unit a name.");
        }
        if (name.strip().length() > 200) {
            throw new RuleViolation("A unit name has at most 200 characters.");
        }
        return name.strip();
    }

    private static String requireCode(String code) {
        if (code == null || !code.strip().matches("[A-Za-z0-9_-]{1,30}")) {
            throw new RuleViolation("A short code has 1 to 30 letters, digits, dashes or underscores.");
        }
        return code.strip().toUpperCase();
    }
}
