package org.plenary.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch's (point, replication) units cut into {@code tasks} contiguous, near-equal blocks. Unit
 * {@code u} is point {@code u / replications}, replication {@code u % replications + 1}; shard
 * {@code i} holds units {@code floor(i N / K)} up to {@code floor((i + 1) N / K)}. Depends only on
 * the three counts, so a worker on any node recomputes the same blocks.
 */
public record ShardPlan(int points, int replications, int tasks) {

    /** Replications {@code first..last} (from 1) of one point, part of a shard. */
    public record Segment(int point, int first, int last) {
        public int size() {
            return last - first + 1;
        }
    }

    public ShardPlan {
        if (points < 1 || replications < 1) {
            throw new IllegalArgumentException("a batch has at least one point and one replication");
        }
        if (tasks < 1 || tasks > (long) points * replications) {
            throw new IllegalArgumentException("tasks must be between 1 and the number of units");
        }
    }

    public long units() {
        return (long) points * replications;
    }

    public long start(int shard) {
        return units() * shard / tasks;
    }

    /** Units in shard {@code i}. */
    public int size(int shard) {
        return (int) (start(shard + 1) - start(shard));
    }

    /** The runs of replications at successive points that make up shard {@code i}, in unit order. */
    public List<Segment> segments(int shard) {
        if (shard < 0 || shard >= tasks) {
            throw new IndexOutOfBoundsException("shard " + shard + " of " + tasks);
        }
        List<Segment> segments = new ArrayList<>();
        long unit = start(shard);
        long end = start(shard + 1);
        while (unit < end) {
            int point = (int) (unit / replications);
            int first = (int) (unit % replications) + 1;
            long pointEnd = Math.min(end, (long) (point + 1) * replications);
            segments.add(new Segment(point, first, first + (int) (pointEnd - unit) - 1));
            unit = pointEnd;
        }
        return segments;
    }
}
