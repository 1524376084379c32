package com.dentaldesk.booking.slots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * The slot engine, without the database: working windows minus the time held for the provider, the room and (when
 * given) the patient, cut into starts. Each key's busy intervals are merged once; each window is then swept once
 * against its provider's and room's merged lists, so the cost grows with windows plus appointments, not with
 * every start checked against every appointment. Times are epoch seconds (instants), so a window that spans a
 * DST change is exactly as long as the clock on the wall says. Starts step from the window's opening.
 */
final class FreeTime {

    /** A provider's working window in one room, [open, close). */
    record Window(long providerId, long operatoryId, long open, long close) {
    }

    /** A free start for a provider in a room. */
    record Start(long start, long providerId, long operatoryId) {
    }

    /** Time, then provider, then room: the order of every answer and of its page cursor. */
    static final Comparator<Start> IN_TIME_ORDER = (a, b) -> {
        int byTime = Long.compare(a.start(), b.start());
        if (byTime != 0) {
            return byTime;
        }
        int byProvider = Long.compare(a.providerId(), b.providerId());
        return byProvider != 0 ? byProvider : Long.compare(a.operatoryId(), b.operatoryId());
    };

    /** Bits of a sort key for a start's position; the time since the earliest start takes the rest (2^42 s). */
    private static final int POSITION_BITS = 21;

    private FreeTime() {
    }

    /**
     * Every start {@code open + k * step} of every window such that [start, start + length) lies inside the window,
     * starts at or after {@code notBefore}, and overlaps no busy interval of the window's provider, its room, or
     * {@code patient}. In time order (then provider, then room), without duplicates.
     */
    static List<Start> starts(List<Window> windows, List<HeldTime> busy, OptionalLong patient, long length, long step,
            long notBefore) {
        List<HeldTime> heldInOrder = new ArrayList<>(busy);
        heldInOrder.sort((a, b) -> Long.compare(a.start(), b.start()));
        Map<Long, Intervals> byProvider = Intervals.byKey(heldInOrder, HeldTime::providerId);
        Map<Long, Intervals> byRoom = Intervals.byKey(heldInOrder, HeldTime::operatoryId);
        Intervals ofPatient = patient.isPresent()
                ? Intervals.byKey(heldInOrder.stream().filter(b -> b.patientId() == patient.getAsLong()).toList(),
                        HeldTime::patientId).getOrDefault(patient.getAsLong(), Intervals.NONE)
                : Intervals.NONE;
        // Windows in (provider, room) order, so starts made in that order need only a sort by time that keeps it.
        List<Window> ordered = new ArrayList<>(windows);
        ordered.sort(Comparator.comparingLong(Window::providerId).thenComparingLong(Window::operatoryId));
        List<Start> free = new ArrayList<>();
        for (Window window : ordered) {
            sweep(window, new Intervals[] {byProvider.getOrDefault(window.providerId(), Intervals.NONE),
                    byRoom.getOrDefault(window.operatoryId(), Intervals.NONE), ofPatient},
                    length, step, notBefore, free);
        }
        return dropRepeats(inTimeOrder(free));
    }

    /**
     * A stable sort by time as a sort of primitive keys (time, then the position made): the comparator sort of
     * a search's starts was its hottest step (JFR).
     */
    private static List<Start> inTimeOrder(List<Start> made) {
        int count = made.size();
        if (count == 0 || count >= 1 << POSITION_BITS) {
            List<Start> sorted = new ArrayList<>(made);
            sorted.sort(IN_TIME_ORDER);
            return sorted;
        }
        long earliest = Long.MAX_VALUE;
        for (Start start : made) {
            earliest = Math.min(earliest, start.start());
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = (made.get(i).start() - earliest) << POSITION_BITS | i;
        }
        Arrays.sort(keys);
        List<Start> sorted = new ArrayList<>(count);
        for (long key : keys) {
            sorted.add(made.get((int) (key & ((1 << POSITION_BITS) - 1))));
        }
        return sorted;
    }

    /**
     * Walks the window's blocking intervals in start order (a merge of the three sorted lists) and cuts the gaps
     * between them into starts.
     */
    private static void sweep(Window window, Intervals[] blocking, long length, long step, long notBefore,
            List<Start> into) {
        int[] next = new int[blocking.length];
        for (int k = 0; k < blocking.length; k++) {
            next[k] = blocking[k].firstEndingAfter(window.open());
        }
        long from = window.open();
        while (true) {
            int earliest = -1;
            for (int k = 0; k < blocking.length; k++) {
                if (next[k] < blocking[k].size() && (earliest < 0
                        || blocking[k].starts[next[k]] < blocking[earliest].starts[next[earliest]])) {
                    earliest = k;
                }
            }
            if (earliest < 0 || blocking[earliest].starts[next[earliest]] >= window.close()) {
                break;
            }
            cut(window, from, blocking[earliest].starts[next[earliest]], length, step, notBefore, into);
            from = Math.max(from, blocking[earliest].ends[next[earliest]]);
            next[earliest]++;
        }
        cut(window, from, window.close(), length, step, notBefore, into);
    }

    /** Starts of the window's grid that fit in the free gap [gapStart, gapEnd). */
    private static void cut(Window window, long gapStart, long gapEnd, long length, long step, long notBefore,
            List<Start> into) {
        long earliest = Math.max(Math.max(gapStart, notBefore), window.open());
        long end = Math.min(gapEnd, window.close());
        long first = window.open() + Math.ceilDiv(earliest - window.open(), step) * step;
        for (long start = first; start + length <= end; start += step) {
            into.add(new Start(start, window.providerId(), window.operatoryId()));
        }
    }

    private static List<Start> dropRepeats(List<Start> sorted) {
        List<Start> distinct = new ArrayList<>(sorted.size());
        for (Start start : sorted) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(start)) {
                distinct.add(start);
            }
        }
        return distinct;
    }

    /** Disjoint, sorted, non-touching intervals [starts[i], ends[i]). */
    private record Intervals(long[] starts, long[] ends) {
        static final Intervals NONE = new Intervals(new long[0], new long[0]);

        int size() {
            return starts.length;
        }

        /**
         * Each key's intervals, merged; the input is in start order, so one pass per key. Empty intervals hold no
         * time (an empty range overlaps nothing in PostgreSQL either).
         */
        static Map<Long, Intervals> byKey(List<HeldTime> inStartOrder, ToLongFunction<HeldTime> key) {
            Map<Long, List<HeldTime>> grouped = new HashMap<>();
            for (HeldTime b : inStartOrder) {
                grouped.computeIfAbsent(key.applyAsLong(b), k -> new ArrayList<>()).add(b);
            }
            Map<Long, Intervals> merged = new HashMap<>(grouped.size() * 2);
            grouped.forEach((k, list) -> merged.put(k, merge(list)));
            return merged;
        }

        private static Intervals merge(List<HeldTime> inStartOrder) {
            long[] starts = new long[inStartOrder.size()];
            long[] ends = new long[inStartOrder.size()];
            int n = 0;
            for (HeldTime b : inStartOrder) {
                if (b.end() <= b.start()) {
                    continue;
                }
                if (n > 0 && b.start() <= ends[n - 1]) {
                    ends[n - 1] = Math.max(ends[n - 1], b.end());
                } else {
                    starts[n] = b.start();
                    ends[n] = b.end();
                    n++;
                }
            }
            return new Intervals(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
        }

        /** Index of the first interval whose end is after {@code time} (binary search: ends are sorted too). */
        int firstEndingAfter(long time) {
            int low = 0;
            int high = size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (ends[mid] <= time) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
