package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.SopNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranks of a {@link ChartLayout}, each a row of boxes and waypoints, and the two jobs done on
 * them: ordering each row so that few lines cross (a few barycentre sweeps, the order with fewest
 * crossings kept) and giving each item its x, as near its neighbours as the row's order allows.
 */
final class Ranks {

    static final int SEPARATION = 28;
    private static final int SWEEPS = 8;
    private static final int NUDGES = 8;

    /** A box or a waypoint in its rank. */
    static final class Item {
        final String id;
        final SopNode node;
        final int rank;
        final double width;
        final List<Item> up = new ArrayList<>();
        final List<Item> down = new ArrayList<>();
        int order;
        double x;

        Item(String id, SopNode node, int rank, double width) {
            this.id = id;
            this.node = node;
            this.rank = rank;
            this.width = width;
        }

        double centre() {
            return x + width / 2;
        }
    }

    private final List<List<Item>> rows = new ArrayList<>();

    Ranks(int count) {
        for (int r = 0; r < count; r++) {
            rows.add(new ArrayList<>());
        }
    }

    Item add(Item item) {
        rows.get(item.rank).add(item);
        return item;
    }

    int size() {
        return rows.size();
    }

    List<Item> get(int rank) {
        return rows.get(rank);
    }

    /** Links {@code upper} to {@code lower}, one rank below it. */
    static void link(Item upper, Item lower) {
        upper.down.add(lower);
        lower.up.add(upper);
    }

    /** Orders each rank: first as reached from the rank above, then by barycentres, keeping the fewest crossings. */
    void order() {
        for (int r = 1; r < rows.size(); r++) {
            List<Item> seen = new ArrayList<>();
            rows.get(r - 1).forEach(u -> u.down.stream().filter(d -> !seen.contains(d)).forEach(seen::add));
            rows.get(r).stream().filter(i -> !seen.contains(i)).forEach(seen::add);
            rows.set(r, seen);
        }
        number();
        List<List<Item>> best = copy();
        long fewest = crossings();
        for (int sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
            boolean downwards = sweep % 2 == 0;
            for (int k = 1; k < rows.size(); k++) {
                int r = downwards ? k : rows.size() - 1 - k;
                List<Item> rankItems = rows.get(r);
                Map<Item, Double> barycentre = new HashMap<>();
                for (Item item : rankItems) {
                    List<Item> fixed = downwards ? item.up : item.down;
                    barycentre.put(item, fixed.isEmpty() ? item.order : fixed.stream().mapToInt(f -> f.order).average().orElse(0));
                }
                rankItems.sort(Comparator.comparingDouble((Item i) -> barycentre.get(i)).thenComparingInt(i -> i.order));
                number(rankItems);
            }
            long now = crossings();
            if (now < fewest) {
                fewest = now;
                best = copy();
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            rows.set(r, best.get(r));
        }
        number();
    }

    private void number() {
        rows.forEach(Ranks::number);
    }

    private static void number(List<Item> rankItems) {
        for (int i = 0; i < rankItems.size(); i++) {
            rankItems.get(i).order = i;
        }
    }

    private List<List<Item>> copy() {
        return rows.stream().map(r -> (List<Item>) new ArrayList<>(r)).toList();
    }

    private long crossings() {
        long crossings = 0;
        for (List<Item> rankItems : rows) {
            List<int[]> segments = new ArrayList<>();
            rankItems.forEach(u -> u.down.forEach(d -> segments.add(new int[] {u.order, d.order})));
            for (int i = 0; i < segments.size(); i++) {
                for (int j = i + 1; j < segments.size(); j++) {
                    if ((long) (segments.get(i)[0] - segments.get(j)[0]) * (segments.get(i)[1] - segments.get(j)[1]) < 0) {
                        crossings++;
                    }
                }
            }
        }
        return crossings;
    }

    /** Gives every item its x: packed, then pulled towards its neighbours a few times, the leftmost at {@code margin}. */
    void place(int margin) {
        for (List<Item> rankItems : rows) {
            double x = 0;
            for (Item item : rankItems) {
                item.x = x;
                x += item.width + SEPARATION;
            }
        }
        for (int pass = 0; pass < NUDGES; pass++) {
            boolean downwards = pass % 2 == 0;
            for (int k = 0; k < rows.size(); k++) {
                List<Item> rankItems = rows.get(downwards ? k : rows.size() - 1 - k);
                double[] wanted = new double[rankItems.size()];
                for (int i = 0; i < wanted.length; i++) {
                    Item item = rankItems.get(i);
                    List<Item> towards = downwards ? item.up : item.down;
                    wanted[i] = towards.isEmpty() ? item.x : towards.stream().mapToDouble(Item::centre).average().orElse(0) - item.width / 2;
                }
                spread(rankItems, wanted);
            }
        }
        double left = rows.stream().flatMap(List::stream).mapToDouble(i -> i.x).min().orElse(0);
        rows.stream().flatMap(List::stream).forEach(i -> i.x = Math.round(i.x - left + margin));
    }

    /**
     * Moves the rank's items as near their wanted places as their order allows: once pushing right
     * from the left, once pushing left from the right, and takes the mean, which keeps the separation.
     */
    private static void spread(List<Item> rankItems, double[] wanted) {
        int n = rankItems.size();
        double[] right = new double[n];
        double[] left = new double[n];
        for (int i = 0; i < n; i++) {
            right[i] = i == 0 ? wanted[i] : Math.max(wanted[i], right[i - 1] + rankItems.get(i - 1).width + SEPARATION);
        }
        for (int i = n - 1; i >= 0; i--) {
            left[i] = i == n - 1 ? wanted[i] : Math.min(wanted[i], left[i + 1] - rankItems.get(i).width - SEPARATION);
        }
        for (int i = 0; i < n; i++) {
            rankItems.get(i).x = (right[i] + left[i]) / 2;
        }
    }
}
