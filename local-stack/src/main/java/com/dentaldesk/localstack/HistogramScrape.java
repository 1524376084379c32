package com.dentaldesk.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prometheus histogram's cumulative buckets as scraped from {@code /q/metrics}. Two scrapes around a benchmark
 * level give that level's own distribution; percentiles are bucket upper bounds ("at most"), as exact as the
 * buckets are fine.
 */
record HistogramScrape(TreeMap<Double, Long> cumulative) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static HistogramScrape of(String baseUrl, String name) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        if (baseUrl == null) {
            return new HistogramScrape(buckets);
        }
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("^" + Pattern.quote(name) + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$",
                    Pattern.MULTILINE).matcher(text);
            while (m.find()) {
                double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                buckets.merge(le, (long) Double.parseDouble(m.group(2)), Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            // No numbers: the level reports "n/a".
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new HistogramScrape(buckets);
    }

    /** What was recorded between {@code earlier} and this scrape. */
    HistogramScrape since(HistogramScrape earlier) {
        TreeMap<Double, Long> delta = new TreeMap<>();
        cumulative.forEach((le, count) -> delta.put(le, count - earlier.cumulative.getOrDefault(le, 0L)));
        return new HistogramScrape(delta);
    }

    long count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /** The smallest bucket bound, in milliseconds, under which at least {@code percent} of the samples fall. */
    double atMostMillis(double percent) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= Math.ceil(total * percent / 100.0)) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
