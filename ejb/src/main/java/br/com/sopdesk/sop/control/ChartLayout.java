package br.com.sopdesk.sop.control;

import static br.com.sopdesk.sop.control.ChartText.CAPTION_CHARS;
import static br.com.sopdesk.sop.control.ChartText.HEADER;
import static br.com.sopdesk.sop.control.ChartText.LINE;
import static br.com.sopdesk.sop.control.ChartText.MAX_CHARS;
import static br.com.sopdesk.sop.control.ChartText.MAX_LINES;
import static br.com.sopdesk.sop.control.ChartText.PADDING;
import static br.com.sopdesk.sop.control.ChartText.cut;
import static br.com.sopdesk.sop.control.ChartText.height;
import static br.com.sopdesk.sop.control.ChartText.title;
import static br.com.sopdesk.sop.control.ChartText.wrap;

import br.com.sopdesk.sop.control.SopChart.Box;
import br.com.sopdesk.sop.control.SopChart.Edge;
import br.com.sopdesk.sop.control.SopChart.Line;
import br.com.sopdesk.sop.control.SopChart.Point;
import br.com.sopdesk.sop.control.Ranks.Item;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import br.com.sopdesk.sop.entity.SopOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layered drawing behind {@link SopChart} (Sugiyama's method, kept small): rank each node by
 * its longest distance from the start, put a waypoint on every rank a link skips so lines go
 * between boxes, then let {@link Ranks} order each rank (few crossings) and place it; here the
 * boxes and the lines through their waypoints are drawn, titles wrapped by {@link ChartText}.
 * Loops and unreachable nodes (an editor's draft may have both) are drawn, never refused.
 * Everything iterates in the bundle's order, so the same bundle gives the same chart.
 */
final class ChartLayout {

    static final int BOX_WIDTH = 200;
    /** Between ranks, below the captions: room for lines to slant to their next box. */
    static final int SLANT = 60;
    static final int CAPTION_STEP = 14;
    static final int WAYPOINT_WIDTH = 12;
    static final int MARGIN = 16;
    /** Left and right of the boxes: room for a caption centred on a line near the edge. */
    static final int SIDE = 64;
    static final int LOOP = 14;

    /** A link between two nodes, the labels of the options taking it joined. */
    private record Link(String from, String to, String label) {
    }

    /** A link laid over the ranks, from its upper end to its lower end; reversed when the link runs upwards. */
    private record Chain(Link link, List<Item> items, boolean reversed) {
        Item upper() {
            return items.get(0);
        }

        Item lower() {
            return items.get(items.size() - 1);
        }
    }

    private final SopBundle bundle;
    private final Map<String, SopNode> nodes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, Integer> rank = new HashMap<>();
    private final Set<String> reachable = new HashSet<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final List<Chain> chains = new ArrayList<>();
    private Ranks ranks;
    private final Map<Chain, Integer> start = new HashMap<>();
    private final Map<Chain, Integer> end = new HashMap<>();
    private final Map<Chain, Integer> captionRow = new HashMap<>();
    private int[] rankTop;
    private int[] rankHeight;
    private int[] captionZone;

    ChartLayout(SopBundle bundle) {
        this.bundle = bundle;
        for (SopNode node : bundle.nodes()) {
            nodes.putIfAbsent(node.id(), node);
        }
        for (SopNode node : nodes.values()) {
            Map<String, List<String>> labels = new LinkedHashMap<>();
            if (node.kind() == SopNode.Kind.STEP && node.next() != null) {
                labels.computeIfAbsent(node.next(), t -> new ArrayList<>());
            } else if (node.kind() == SopNode.Kind.QUESTION) {
                for (SopOption o : node.options()) {
                    if (o.next() != null) {
                        labels.computeIfAbsent(o.next(), t -> new ArrayList<>()).add(ChartText.clean(o.label() == null ? o.value() : o.label()));
                    }
                }
            }
            labels.forEach((to, l) -> {
                if (nodes.containsKey(to)) {
                    links.add(new Link(node.id(), to, String.join(" / ", l)));
                }
            });
        }
    }

    SopChart chart() {
        rankFromTheStart();
        layer();
        ranks.order();
        ranks.place(SIDE);
        ports();
        captionRows();
        heights();
        List<Box> boxes = boxes();
        Map<String, Box> byId = new HashMap<>();
        boxes.forEach(b -> byId.put(b.id(), b));
        int height = rankTop.length == 0 ? 2 * MARGIN : rankTop[rankTop.length - 1] + rankHeight[rankHeight.length - 1] + MARGIN;
        boolean below = false;
        List<Edge> edges = new ArrayList<>();
        for (Link link : links) {
            Chain chain = chains.stream().filter(c -> c.link() == link).findFirst().orElse(null);
            if (chain != null) {
                edges.add(layered(chain, byId));
            } else {
                below |= !link.from().equals(link.to());
                edges.add(sideways(link, byId.get(link.from()), byId.get(link.to()), height));
            }
        }
        int width = (int) Math.ceil(items.values().stream().mapToDouble(i -> i.x + i.width).max().orElse(0)) + SIDE;
        width = Math.max(width, boxes.stream().mapToInt(b -> b.right() + LOOP + SIDE).max().orElse(0));
        return new SopChart(boxes, edges, Math.max(width, 2 * SIDE), height + (below ? 2 * LOOP + MARGIN : 0));
    }

    // --- ranks ---

    /**
     * Ranks the nodes reachable from the start by their longest distance from it, leaving out the
     * links that close a loop; every other node goes to one last rank.
     */
    private void rankFromTheStart() {
        Map<String, List<Link>> out = new HashMap<>();
        links.forEach(l -> out.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l));
        Set<Link> loops = new HashSet<>();
        List<String> finished = new ArrayList<>();
        if (nodes.containsKey(bundle.start())) {
            Set<String> onStack = new HashSet<>();
            Deque<Map.Entry<String, Integer>> stack = new ArrayDeque<>();
            stack.push(Map.entry(bundle.start(), 0));
            reachable.add(bundle.start());
            onStack.add(bundle.start());
            while (!stack.isEmpty()) {
                Map.Entry<String, Integer> top = stack.pop();
                List<Link> next = out.getOrDefault(top.getKey(), List.of());
                if (top.getValue() == next.size()) {
                    onStack.remove(top.getKey());
                    finished.add(top.getKey());
                    continue;
                }
                stack.push(Map.entry(top.getKey(), top.getValue() + 1));
                Link link = next.get(top.getValue());
                if (onStack.contains(link.to())) {
                    loops.add(link);
                } else if (reachable.add(link.to())) {
                    onStack.add(link.to());
                    stack.push(Map.entry(link.to(), 0));
                }
            }
        }
        // reverse post-order is a topological order of the links that do not close a loop
        int last = 0;
        for (int i = finished.size() - 1; i >= 0; i--) {
            String id = finished.get(i);
            int r = rank.computeIfAbsent(id, k -> 0);
            last = Math.max(last, r);
            for (Link link : out.getOrDefault(id, List.of())) {
                if (!loops.contains(link)) {
                    rank.merge(link.to(), r + 1, Math::max);
                }
            }
        }
        int unreachableRank = reachable.isEmpty() ? 0 : last + 1;
        nodes.keySet().forEach(id -> rank.putIfAbsent(id, unreachableRank));
    }

    // --- layers and waypoints ---

    private void layer() {
        ranks = new Ranks(rank.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1);
        nodes.values().forEach(n -> add(new Item(n.id(), n, rank.get(n.id()), BOX_WIDTH)));
        for (Link link : links) {
            int from = rank.get(link.from());
            int to = rank.get(link.to());
            if (from == to) {
                continue; // a node linked to itself, or two unreachable nodes: drawn beside the ranks
            }
            boolean reversed = from > to;
            Item upper = items.get(reversed ? link.to() : link.from());
            Item lower = items.get(reversed ? link.from() : link.to());
            List<Item> chain = new ArrayList<>(List.of(upper));
            for (int r = upper.rank + 1; r < lower.rank; r++) {
                chain.add(add(new Item(link.from() + "\u0000" + link.to() + "\u0000" + r, null, r, WAYPOINT_WIDTH)));
            }
            chain.add(lower);
            for (int i = 0; i + 1 < chain.size(); i++) {
                Ranks.link(chain.get(i), chain.get(i + 1));
            }
            chains.add(new Chain(link, chain, reversed));
        }
    }

    private Item add(Item item) {
        items.put(item.id, item);
        return ranks.add(item);
    }

    /** Where each rank starts and how tall its tallest box is. */
    private void heights() {
        rankTop = new int[ranks.size()];
        rankHeight = new int[ranks.size()];
        int y = MARGIN;
        for (int r = 0; r < ranks.size(); r++) {
            rankTop[r] = y;
            rankHeight[r] = ranks.get(r).stream().filter(i -> i.node != null).mapToInt(i -> height(title(i.node))).max().orElse(0);
            y += rankHeight[r] + captionZone[r] + SLANT;
        }
    }

    /** Where each line leaves its upper box and enters its lower one: spread along the box in the order of the other ends. */
    private void ports() {
        for (Chain chain : chains) {
            start.put(chain, port(chain.upper(), chains.stream().filter(c -> c.upper() == chain.upper())
                    .sorted(Comparator.comparingDouble((Chain c) -> c.items().get(1).centre()).thenComparing(c -> c.lower().id)).toList(), chain));
            end.put(chain, port(chain.lower(), chains.stream().filter(c -> c.lower() == chain.lower())
                    .sorted(Comparator.comparingDouble((Chain c) -> c.items().get(c.items().size() - 2).centre()).thenComparing(c -> c.upper().id))
                    .toList(), chain));
        }
    }

    private static int port(Item item, List<Chain> sharing, Chain chain) {
        return (int) Math.round(item.x + item.width * (sharing.indexOf(chain) + 1.0) / (sharing.size() + 1.0));
    }

    /**
     * The captions under each rank, each on the straight drop of its line out of its question, in
     * rows: a caption takes the first row where it covers no other, and the rank's gap grows by the
     * rows it needs.
     */
    private void captionRows() {
        captionZone = new int[ranks.size()];
        for (int r = 0; r < ranks.size(); r++) {
            int rankIndex = r;
            List<Chain> captioned = chains.stream().filter(c -> !c.reversed() && c.upper().rank == rankIndex && !c.link().label().isEmpty())
                    .sorted(Comparator.comparingInt(start::get)).toList();
            List<List<int[]>> rows = new ArrayList<>();
            for (Chain chain : captioned) {
                int x = start.get(chain);
                int half = ChartText.captionWidth(cut(chain.link().label(), CAPTION_CHARS)) / 2;
                int row = 0;
                while (row < rows.size() && rows.get(row).stream().anyMatch(taken -> x - half < taken[1] && taken[0] < x + half)) {
                    row++;
                }
                if (row == rows.size()) {
                    rows.add(new ArrayList<>());
                }
                rows.get(row).add(new int[] {x - half, x + half});
                captionRow.put(chain, row);
            }
            captionZone[r] = rows.isEmpty() ? 0 : CAPTION_STEP * rows.size() + 6;
        }
    }

    // --- coordinates ---

    // --- boxes and edges ---

    private List<Box> boxes() {
        List<Box> boxes = new ArrayList<>();
        for (int r = 0; r < ranks.size(); r++) {
            List<Item> rankItems = ranks.get(r);
            for (Item item : rankItems) {
                if (item.node == null) {
                    continue;
                }
                SopNode node = item.node;
                String title = title(node);
                List<String> wrapped = wrap(title, MAX_CHARS, MAX_LINES);
                int h = height(title);
                int x = (int) item.x;
                int y = rankTop[item.rank] + (rankHeight[item.rank] - h) / 2;
                List<Line> lines = new ArrayList<>();
                for (int i = 0; i < wrapped.size(); i++) {
                    lines.add(new Line(wrapped.get(i), x + PADDING, y + PADDING + HEADER + (i + 1) * LINE - 4));
                }
                boxes.add(new Box(node.id(), node.kind(), node.kind() == SopNode.Kind.OUTCOME ? node.outcome() : null, title,
                        new Point(x + PADDING, y + PADDING + HEADER - 5), lines, x, y, BOX_WIDTH, h, item.rank, reachable.contains(node.id())));
            }
        }
        return boxes;
    }

    /** A link across ranks: out of the upper box's bottom, through its waypoints, into the lower box's top. */
    private Edge layered(Chain chain, Map<String, Box> boxes) {
        Box upper = boxes.get(chain.upper().id);
        Box lower = boxes.get(chain.lower().id);
        List<Item> list = chain.items();
        int bottom = rankTop[upper.rank()] + rankHeight[upper.rank()];
        int from = start.get(chain);
        int to = end.get(chain);
        List<Point> points = new ArrayList<>();
        points.add(new Point(from, upper.bottom()));
        points.add(new Point(from, bottom + captionZone[upper.rank()]));
        for (Item waypoint : list.subList(1, list.size() - 1)) {
            int x = (int) Math.round(waypoint.centre());
            points.add(new Point(x, rankTop[waypoint.rank]));
            points.add(new Point(x, rankTop[waypoint.rank] + rankHeight[waypoint.rank]));
        }
        points.add(new Point(to, rankTop[lower.rank()]));
        points.add(new Point(to, lower.y()));
        if (!chain.reversed()) {
            Point labelAt = new Point(from, bottom + 3 + CAPTION_STEP * captionRow.getOrDefault(chain, 0) + CAPTION_STEP / 2);
            return edge(chain.link(), dedupe(points), labelAt, false);
        }
        // a line running up: its caption on the slant above its source, the lower box
        Point near = points.get(points.size() - 2);
        Point far = points.get(points.size() - 3);
        Collections.reverse(points);
        double t = Math.min(0.9, stagger(chain.link()) / Math.max(1.0, Math.abs(far.y() - near.y())));
        Point labelAt = new Point((int) Math.round(near.x() + t * (far.x() - near.x())), (int) Math.round(near.y() + t * (far.y() - near.y())));
        return edge(chain.link(), dedupe(points), labelAt, true);
    }

    /** How far above its source a caption of a line running up sits: a row of its own for each option. */
    private double stagger(Link link) {
        List<Link> siblings = links.stream().filter(l -> l.from().equals(link.from())).toList();
        return CAPTION_STEP * (1 + siblings.indexOf(link));
    }

    /** A link within one rank: a node to itself (a loop on its right), or between two unreachable nodes (below them). */
    private Edge sideways(Link link, Box from, Box to, int bottom) {
        if (from == to) {
            int right = from.right();
            int middle = from.y() + from.h() / 2;
            List<Point> points = List.of(new Point(right, middle - LOOP / 2), new Point(right + LOOP, middle - LOOP / 2),
                    new Point(right + LOOP, middle + LOOP / 2), new Point(right, middle + LOOP / 2));
            return edge(link, points, new Point(right + LOOP, from.y() - 4), true);
        }
        int below = bottom + LOOP;
        int a = from.x() + from.w() / 3;
        int b = to.x() + 2 * to.w() / 3;
        List<Point> points = List.of(new Point(a, from.bottom()), new Point(a, below), new Point(b, below), new Point(b, to.bottom()));
        return edge(link, points, new Point((a + b) / 2, below + LOOP), true);
    }

    private static Edge edge(Link link, List<Point> points, Point labelAt, boolean backward) {
        return new Edge(link.from(), link.to(), link.label(), cut(link.label(), CAPTION_CHARS), points, labelAt, backward);
    }

    private static List<Point> dedupe(List<Point> points) {
        List<Point> kept = new ArrayList<>();
        for (Point p : points) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(p)) {
                kept.add(p);
            }
        }
        return kept;
    }

}
