package com.dentaldesk.voice.agent;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

import org.jboss.logging.MDC;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where blocking work runs, away from the socket's event loop: one virtual thread per task (a turn waiting on the
 * model, a tool call, an upload), so a thousand calls that wait cost a thousand small stacks, not a thousand
 * platform threads, and nothing queues behind someone else's wait. One platform timer thread schedules fillers,
 * retries and deadlines; what it runs only hands work on. Tasks log with the MDC ({@code call_id}, {@code clinic})
 * of whoever queued them.
 */
@ApplicationScoped
public class Workers {

    private final ExecutorService virtualThreads;
    private final ScheduledExecutorService timer;

    public Workers() {
        this.virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("voice-", 0).factory());
        this.timer = Executors.newSingleThreadScheduledExecutor(platform("voice-timer"));
    }

    /** Runs a task on its own virtual thread, with the caller's MDC. */
    public void execute(Runnable task) {
        virtualThreads.execute(withMdc(task));
    }

    /** Runs a task on its own virtual thread, with the caller's MDC, and hands back its result. */
    public <T> Future<T> submit(Callable<T> task) {
        Map<String, Object> context = mdc();
        return virtualThreads.submit(() -> {
            Map<String, Object> before = install(context);
            try {
                return task.call();
            } finally {
                restore(before);
            }
        });
    }

    /** Runs a task on its own virtual thread, with the caller's MDC, and hands back its completion. */
    public Future<?> submit(Runnable task) {
        return submit(() -> {
            task.run();
            return null;
        });
    }

    /** Schedules small hand-offs (fillers, retries, deadlines); never blocks in what it runs. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** An executor that runs one task at a time, in order, each on a virtual thread: one per call. */
    public Executor serial() {
        return new SerialExecutor(this::execute);
    }

    @PreDestroy
    public void stop() {
        timer.shutdownNow();
        virtualThreads.shutdownNow();
    }

    private static Runnable withMdc(Runnable task) {
        Map<String, Object> context = mdc();
        if (context.isEmpty()) {
            return task;
        }
        return () -> {
            Map<String, Object> before = install(context);
            try {
                task.run();
            } finally {
                restore(before);
            }
        };
    }

    private static Map<String, Object> mdc() {
        Map<String, Object> context = MDC.getMap();
        return context == null || context.isEmpty() ? Map.of() : Map.copyOf(context);
    }

    private static Map<String, Object> install(Map<String, Object> context) {
        Map<String, Object> before = mdc();
        context.forEach(MDC::put);
        return before;
    }

    private static void restore(Map<String, Object> before) {
        MDC.clear();
        before.forEach(MDC::put);
    }

    private static ThreadFactory platform(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static final class SerialExecutor implements Executor {
        private final Executor delegate;
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
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
