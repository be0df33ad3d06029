package br.com.sopdesk.sop.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.platform.UserFacing;
import jakarta.ejb.ApplicationException;
import java.time.Instant;

/**
 * A SOP draft changed under the editor: someone else saved it since it was opened (who and when are
 * kept, so the page can say so), or published or discarded it. Nothing is kept; the editor's own
 * changes stay on its screen.
 */
@ApplicationException(rollback = true)
public class DraftConflict extends RuntimeException implements UserFacing {

    private static final long serialVersionUID = 1L;

    private final String savedBy;
    private final Instant savedAt;

    DraftConflict(String savedBy, Instant savedAt) {
        super(text(savedBy, savedAt).toString());
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    private static Text text(String savedBy, Instant savedAt) {
        return savedBy == null ? Text.of("sop.draft.gone") : Text.of("sop.draft.conflict", savedBy, String.valueOf(savedAt));
    }

    /** A draft no longer there: published or discarded by someone else. */
    static DraftConflict missing() {
        return new DraftConflict(null, null);
    }

    @Override
    public Text text() {
        return text(savedBy, savedAt);
    }

    /** Whether the draft is gone (published or discarded) rather than saved again by someone else. */
    public boolean gone() {
        return savedBy == null;
    }

    /** Who saved the draft last, or null when it is gone. */
    public String savedBy() {
        return savedBy;
    }

    public Instant savedAt() {
        return savedAt;
    }
}
