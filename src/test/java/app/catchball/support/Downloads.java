package app.catchball.support;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.fakeservlet.FakeResponse;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Follows a download link in a Karibu test the way the browser would: the link's address names a
 * {@code DownloadHandler} in the session's registry, which answers the request. (Karibu's own
 * {@code _download} knows only the older {@code StreamResource}.)
 */
public final class Downloads {

    private Downloads() {
    }

    /** What the download link with this text answers. */
    public static Answer follow(String linkText) {
        Anchor link = _get(Anchor.class, spec -> spec.withText(linkText));
        var resource = (StreamResourceRegistry.ElementStreamResource) VaadinSession.getCurrent().getResourceRegistry()
                .getResource(URI.create(link.getHref())).orElseThrow(() -> new AssertionError("No download behind " + linkText));
        FakeResponse raw = new FakeResponse();
        try {
            resource.getElementRequestHandler().handleRequest(VaadinRequest.getCurrent(),
                    new VaadinServletResponse(raw, (VaadinServletService) VaadinService.getCurrent()), VaadinSession.getCurrent(),
                    resource.getOwner());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(raw.getStatus(), raw.getHeader("Content-Disposition"), raw.getContentType(), raw.getBuffer().toByteArray());
    }

    public record Answer(int status, String disposition, String contentType, byte[] body) {
    }
}
