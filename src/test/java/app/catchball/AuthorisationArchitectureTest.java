package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import app.catchball.security.PermissionService;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/**
 * Deny by default, proven on the byte code: every public method of every service must reach an
 * authorisation check in {@link PermissionService} (directly or through the application's own
 * calls). A new service method without one fails this test. The few methods that are public by
 * design are listed here with the reason. A method given the id of unit data must reach more than
 * "who is signed in?" (see {@link #a_public_service_method_given_a_unit_data_id_reaches_more_than_sign_in}).
 */
class AuthorisationArchitectureTest {

    /** Public by design: nobody is signed in yet, or the answer is not confidential. */
    private static final Set<String> EXEMPT = Set.of(
            "AccessService.bootstrapAdmin",      // creates the first Admin of an empty installation; refused once one exists
            "AccessService.anyAdminExists",      // a yes/no used at start-up
            "AccessService.mustChangePassword",  // about the signed-in user only; false when nobody is
            "CycleService.get",                  // a cycle's name and dates, used after the caller's own check
            "CycleService.current",              // which cycle is current
            "OrganisationService.levels",        // the list of unit levels
            "MetricImportService.parsePeriod",
            "DatabaseUserDetailsService.loadUserByUsername", // sign-in itself: who is this?
            "ApiTokenService.authenticate");     // sign-in by token: who is this?

    /** Answers "who is signed in?" only. */
    private static final Set<String> SIGN_IN_ONLY = Set.of("requireUsername", "currentUsername");

    @Test
    void every_public_service_method_reaches_an_authorisation_check() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.catchball");
        Set<String> unchecked = new TreeSet<>();
        int checked = 0;
        for (JavaClass service : classes) {
            if (!service.isAnnotatedWith(Service.class) || service.isAssignableTo(PermissionService.class)) {
                continue;
            }
            for (JavaMethod method : service.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PUBLIC) || method.getModifiers().contains(JavaModifier.STATIC)
                        || method.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                String name = service.getSimpleName() + "." + method.getName();
                if (EXEMPT.contains(name)) {
                    continue;
                }
                checked++;
                if (!reachesPermissionCheck(method)) {
                    unchecked.add(name);
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(unchecked).as("public service methods without an authorisation check").isEmpty();
    }

    /**
     * "Signed in" is not "may do this here". A public service method that takes the id of unit data
     * (a {@code long}, {@code Long} or collection of them named {@code id} or ending in {@code Id}/{@code Ids}:
     * a unit, plan item, project, metric, thread, person…) must reach a {@link PermissionService} decision
     * other than {@link #SIGN_IN_ONLY}. Cycles are the trust's, not a unit's, so {@code cycleId} alone does
     * not count. Methods without such an id (the user's own profile and tokens, unit look-ups by name)
     * may rely on sign-in.
     */
    @Test
    void a_public_service_method_given_a_unit_data_id_reaches_more_than_sign_in() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.catchball");
        Set<String> signedInOnly = new TreeSet<>();
        int withIds = 0;
        for (JavaClass service : classes) {
            if (!service.isAnnotatedWith(Service.class) || service.isAssignableTo(PermissionService.class)) {
                continue;
            }
            for (JavaMethod method : service.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PUBLIC) || method.getModifiers().contains(JavaModifier.STATIC)
                        || method.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || EXEMPT.contains(service.getSimpleName() + "." + method.getName())
                        || !takesUnitDataId(method.reflect())) {
                    continue;
                }
                withIds++;
                Set<String> decisions = permissionCallsReached(method);
                decisions.removeAll(SIGN_IN_ONLY);
                if (decisions.isEmpty()) {
                    signedInOnly.add(service.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(withIds).as("service methods given a unit data id").isGreaterThan(50);
        assertThat(signedInOnly).as("service methods given a unit data id that only check sign-in").isEmpty();
    }

    private static boolean takesUnitDataId(Method method) {
        for (Parameter parameter : method.getParameters()) {
            assertThat(parameter.isNamePresent()).as("compiled with -parameters: %s", method).isTrue();
            Class<?> type = parameter.getType();
            boolean ids = type == long.class || type == Long.class || Collection.class.isAssignableFrom(type)
                    && parameter.getParameterizedType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] == Long.class;
            String name = parameter.getName();
            if (ids && !name.equals("cycleId") && (name.equals("id") || name.endsWith("Id") || name.endsWith("Ids"))) {
                return true;
            }
        }
        return false;
    }

    /** The names of the {@link PermissionService} methods a method reaches through the application's own calls. */
    private static Set<String> permissionCallsReached(JavaMethod start) {
        Set<String> names = new TreeSet<>();
        ArrayDeque<JavaCodeUnit> todo = new ArrayDeque<>(List.of(start));
        Set<JavaCodeUnit> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.pop();
            if (!seen.add(unit) || seen.size() > 2000) {
                continue;
            }
            for (var call : unit.getCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (owner.isAssignableTo(PermissionService.class)) {
                    names.add(call.getName());
                } else if (owner.getPackageName().startsWith("app.catchball")) {
                    call.getTarget().resolveMember().ifPresent(todo::add);
                }
            }
        }
        return names;
    }

    private static boolean reachesPermissionCheck(JavaMethod start) {
        ArrayDeque<JavaCodeUnit> todo = new ArrayDeque<>(List.of(start));
        Set<JavaCodeUnit> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.pop();
            if (!seen.add(unit) || seen.size() > 2000) {
                continue;
            }
            for (var call : unit.getCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (owner.isAssignableTo(PermissionService.class)) {
                    return true;
                }
                if (owner.getPackageName().startsWith("app.catchball")) {
                    call.getTarget().resolveMember().ifPresent(todo::add);
                }
            }
        }
        return false;
    }
}
