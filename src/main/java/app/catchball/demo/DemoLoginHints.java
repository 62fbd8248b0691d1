package app.catchball.demo;

import app.catchball.security.LoginHints;
import java.util.List;
import org.springframework.stereotype.Component;

/** Lists the demo users on the sign-in page, in demo mode only. */
@Component
@DemoMode
class DemoLoginHints implements LoginHints {

    @Override
    public String title() {
        return "Demo users (password: " + DemoData.PASSWORD + ")";
    }

    @Override
    public List<String> lines() {
        return DemoData.USERS.stream().map(u -> u.username() + " — " + u.description()).toList();
    }
}
