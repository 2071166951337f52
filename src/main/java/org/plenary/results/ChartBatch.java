package org.plenary.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.JFreeChart;

/**
 * Charts to save into one directory, drawn on several threads. Each chart is its own object graph
 * over read-only results and each file is written by one thread, so the files are the same bytes
 * at any thread count; drawing and PNG encoding are most of a short run's charting time.
 */
public final class ChartBatch {
    private final Map<String, JFreeChart> charts = new LinkedHashMap<>();

    /** Adds a chart to save as {@code file}. */
    public void add(String file, JFreeChart chart) {
        charts.put(file, chart);
    }

    /** The file names in the order the charts were added. */
    public List<String> files() {
        return List.copyOf(charts.keySet());
    }

    /** Draws every chart into {@code directory} on up to {@code threads} threads; returns {@link #files()}. */
    public List<String> draw(Path directory, int threads) throws IOException {
        int workers = Math.max(1, Math.min(threads, charts.size()));
        if (workers == 1) {
            for (Map.Entry<String, JFreeChart> chart : charts.entrySet()) {
                ChartStyle.save(chart.getValue(), directory.resolve(chart.getKey()));
            }
            return files();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "plenary-charts");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> saved = new ArrayList<>();
            for (Map.Entry<String, JFreeChart> chart : charts.entrySet()) {
                saved.add(pool.submit(() -> {
                    ChartStyle.save(chart.getValue(), directory.resolve(chart.getKey()));
                    return null;
                }));
            }
            for (Future<?> chart : saved) {
                chart.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing charts", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return files();
    }
}
