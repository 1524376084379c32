package com.dentaldesk.voice.agent;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.MDC;

/**
 * A worker pool whose tasks log with the MDC of whoever queued them ({@code call_id}, {@code clinic}): a call's
 * work hops between the socket, its serial queue and tool threads, and every line should still name the call.
 */
final class MdcThreadPool extends ThreadPoolExecutor {

    MdcThreadPool(int size, long keepAlive, TimeUnit unit, BlockingQueue<Runnable> queue, ThreadFactory threads) {
        super(size, size, keepAlive, unit, queue, threads);
    }

    @Override
    public void execute(Runnable task) {
        Map<String, Object> context = MDC.getMap();
        if (context == null || context.isEmpty()) {
            super.execute(task);
            return;
        }
        Map<String, Object> copy = Map.copyOf(context);
        super.execute(() -> {
            Map<String, Object> before = MDC.getMap();
            copy.forEach(MDC::put);
            try {
                task.run();
            } finally {
                MDC.clear();
                if (before != null) {
                    before.forEach(MDC::put);
                }
            }
        });
    }
}
