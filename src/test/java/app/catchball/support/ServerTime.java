package app.catchball.support;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * A benchmark's view of server time: a Tomcat valve, added to the running test server's engine, that
 * times each Vaadin request ({@code v-r=uidl}) from its arrival in Tomcat until the response has been
 * written and flushed, so that the client, its JSON parsing and the loopback network are not counted.
 * One valve per server; {@link #last()} is the most recent request's time.
 */
public final class ServerTime extends ValveBase {

    private volatile long last;
    private volatile String lastSeen = "nothing";

    private ServerTime() {
        super(true);
    }

    /** The valve in this context's Tomcat, added on first use. */
    public static synchronized ServerTime installIn(ApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        for (Valve valve : server.getTomcat().getEngine().getPipeline().getValves()) {
            if (valve instanceof ServerTime existing) {
                return existing;
            }
        }
        ServerTime valve = new ServerTime();
        server.getTomcat().getEngine().getPipeline().addValve(valve);
        return valve;
    }

    public void clear() {
        last = 0;
    }

    /**
     * Nanoseconds the most recent Vaadin request spent in the server. The client may hold the whole
     * response a moment before the valve has returned, so this waits up to a second for the figure.
     */
    public long last() {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (last == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long ns = last;
        if (ns == 0) {
            throw new IllegalStateException("No Vaadin request finished in the server since clear(); the last request seen: " + lastSeen);
        }
        return ns;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            getNext().invoke(request, response);
        } finally {
            String query = request.getQueryString();
            lastSeen = request.getRequestURI() + "?" + query;
            if (query != null && query.contains("v-r=uidl")) {
                response.flushBuffer();
                last = System.nanoTime() - start;
            }
        }
    }
}
