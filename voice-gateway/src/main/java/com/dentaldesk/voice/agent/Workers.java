package com.dentaldesk.voice.agent;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.dentaldesk.voice.config.GatewayConfig;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The threads blocking work runs on (turns, tools, uploads), away from the socket's event loop, plus one timer
 * for fillers and retries. Java 17 has no virtual threads, so the pool is bounded and sized by config.
 */
@ApplicationScoped
public class Workers {

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;

    public Workers(GatewayConfig config) {
        int size = config.agent().workerThreads();
        this.pool = new MdcThreadPool(size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("voice-worker"));
        this.pool.allowCoreThreadTimeOut(true);
        this.timer = Executors.newScheduledThreadPool(1, named("voice-timer"));
    }

    public ExecutorService pool() {
        return pool;
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    /** An executor that runs one task at a time, in order, on the shared pool: one per call. */
    public Executor serial() {
        return new SerialExecutor(pool);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static final class SerialExecutor implements Executor {
        private final Executor delegate;
        private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        private boolean running;

        SerialExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
            if (!running) {
                running = true;
                delegate.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    // Each task handles its own failures; this only keeps the queue alive.
                }
            }
        }
    }
}
