package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A SOP drawn as a flow chart, as numbers only: where each node's box stands and which way each
 * link runs, laid out top-down from the start so an agent sees the whole procedure beside the walk
 * and an administrator sees the one being edited. Pages turn it into SVG; nothing here knows how.
 * The same bundle always gives the same chart (the layout is in {@link ChartLayout}).
 *
 * @param boxes  one per node, by rank and then from left to right
 * @param edges  one per linked pair of nodes (options of one question leading to the same node share
 *               it), in the bundle's order
 * @param width  the drawing's width, margins included
 * @param height the drawing's height, margins included
 */
public record SopChart(List<Box> boxes, List<Edge> edges, int width, int height) implements Serializable {

    public SopChart {
        boxes = List.copyOf(boxes);
        edges = List.copyOf(edges);
    }

    /** Lays out {@code bundle}: ranks from the start, crossings reduced, titles wrapped into their boxes. */
    public static SopChart of(SopBundle bundle) {
        return new ChartLayout(Objects.requireNonNull(bundle, "bundle")).chart();
    }

    /** The box of node {@code id}, or null. */
    public Box box(String id) {
        return boxes.stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }

    /** The links leaving node {@code id}, in the bundle's order. */
    public List<Edge> edgesFrom(String id) {
        return edges.stream().filter(e -> e.from().equals(id)).toList();
    }

    /** Whether every node lies on some path from the start (a published SOP's always do). */
    public boolean allReachable() {
        return boxes.stream().allMatch(Box::reachable);
    }

    /** Whether the drawing is wider than a narrow column could show at a readable size. */
    public boolean wide() {
        return width > 640;
    }

    /** A point of the drawing, in its units (top-left origin). */
    public record Point(int x, int y) implements Serializable {
    }

    /** One line of text and where its baseline starts. */
    public record Line(String text, int x, int y) implements Serializable {
    }

    /**
     * A node's box.
     *
     * @param id        the node's id
     * @param kind      step, question or outcome
     * @param outcome   how an outcome ends the walk, null for steps and questions
     * @param title     the node's whole title (the text alternative reads it)
     * @param header    where the line naming the kind (or the outcome) goes
     * @param lines     the title wrapped to the box, cut with an ellipsis past a few lines
     * @param x         left
     * @param y         top
     * @param w         width
     * @param h         height
     * @param rank      the longest distance from the start (the last rank holds the unreachable nodes)
     * @param reachable false for a node no path from the start leads to
     */
    public record Box(String id, SopNode.Kind kind, SopNode.Outcome outcome, String title, Point header, List<Line> lines,
                      int x, int y, int w, int h, int rank, boolean reachable) implements Serializable {

        public Box {
            lines = List.copyOf(lines);
        }

        public int right() {
            return x + w;
        }

        public int bottom() {
            return y + h;
        }

        /** Whether this box and {@code other} share any area (touching edges do not count). */
        public boolean overlaps(Box other) {
            return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
        }

        /** Whether {@code p} lies on this box's outline or inside it. */
        public boolean holds(Point p) {
            return p.x() >= x && p.x() <= right() && p.y() >= y && p.y() <= bottom();
        }
    }

    /**
     * A link from one node to the next.
     *
     * @param from     the node it leaves
     * @param to       the node it reaches
     * @param label    the answers that take it (a question's option labels, joined), empty after a step
     * @param caption  the label cut to fit beside the line
     * @param points   the polyline, from a point on {@code from}'s box to a point on {@code to}'s box
     * @param labelAt  where the caption is centred
     * @param backward true when it runs up or sideways (a loop, or out of an unreachable node)
     */
    public record Edge(String from, String to, String label, String caption, List<Point> points, Point labelAt, boolean backward)
            implements Serializable {

        public Edge {
            points = List.copyOf(points);
        }

        /** The points as SVG's {@code points} attribute writes them: {@code "x1,y1 x2,y2 ..."}. */
        public String polyline() {
            return points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
        }
    }
}
