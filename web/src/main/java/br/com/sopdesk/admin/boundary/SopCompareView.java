package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.control.SopDiff;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopBundleRecord;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the comparison of two versions of a SOP on the administration page: both versions side by
 * side, each node marked as removed, added or changed, and the list of changes ({@link SopDiff}),
 * worked out when the administrator picks the SOP or the versions, never on a render.
 */
@Named
@ViewScoped
public class SopCompareView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SopCatalog catalog;

    private String sopId;
    private List<Integer> versions = List.of();
    private int from;
    private int to;
    private SopBundle older;
    private SopBundle newer;
    private List<SopDiff.Change> changes = List.of();
    private final Map<String, String> olderMarks = new HashMap<>();
    private final Map<String, String> newerMarks = new HashMap<>();

    /** Opens the comparison of a SOP: its version before the latest against the latest. */
    public void open(SopBundle sop) {
        sopId = sop.id();
        versions = catalog.versions(sopId).stream().map(SopBundleRecord::getVersion).toList();
        to = versions.get(0);
        from = versions.size() > 1 ? versions.get(1) : to;
        compare();
    }

    public void compare() {
        older = catalog.version(sopId, from).orElseThrow();
        newer = catalog.version(sopId, to).orElseThrow();
        changes = SopDiff.between(older, newer);
        olderMarks.clear();
        newerMarks.clear();
        for (SopDiff.Change c : changes) {
            if (c.node() == null) {
                continue;
            }
            switch (c.kind()) {
                case NODE_REMOVED -> olderMarks.put(c.node(), "diff-removed");
                case NODE_ADDED -> newerMarks.put(c.node(), "diff-added");
                default -> {
                    olderMarks.put(c.node(), "diff-changed");
                    newerMarks.put(c.node(), "diff-changed");
                }
            }
        }
    }

    public void close() {
        sopId = null;
    }

    /** The mark of a node in the older version ({@code diff-removed}, {@code diff-changed}) or empty. */
    public String olderMark(String nodeId) {
        return olderMarks.getOrDefault(nodeId, "");
    }

    /** The mark of a node in the newer version ({@code diff-added}, {@code diff-changed}) or empty. */
    public String newerMark(String nodeId) {
        return newerMarks.getOrDefault(nodeId, "");
    }

    public boolean isShown() {
        return sopId != null;
    }

    public String getSopId() {
        return sopId;
    }

    public List<Integer> getVersions() {
        return versions;
    }

    public int getFrom() {
        return from;
    }

    public void setFrom(int from) {
        this.from = from;
    }

    public int getTo() {
        return to;
    }

    public void setTo(int to) {
        this.to = to;
    }

    public SopBundle getOlder() {
        return older;
    }

    public SopBundle getNewer() {
        return newer;
    }

    public List<SopDiff.Change> getChanges() {
        return changes;
    }
}
