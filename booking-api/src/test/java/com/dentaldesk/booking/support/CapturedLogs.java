package com.dentaldesk.booking.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every log record of the service during each test, as text: logger, formatted message, parameters and each
 * exception of the cause chain. Checked before formatting, so what holds here holds for the JSON format too.
 * Register it with {@code @RegisterExtension}.
 */
public final class CapturedLogs extends Handler implements BeforeEachCallback, AfterEachCallback {

    private static final String PROBE = "log capture attached";

    private final Queue<String> records = new ConcurrentLinkedQueue<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        records.clear();
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
        // A capture that sees nothing would make every "no marker in the logs" check pass: prove it is attached.
        org.jboss.logging.Logger.getLogger(CapturedLogs.class).warn(PROBE);
        if (containing(PROBE).isEmpty()) {
            throw new IllegalStateException("the log capture sees no records");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger.getLogger("").removeHandler(this);
    }

    /** The records that contain {@code text} anywhere. */
    public List<String> containing(String text) {
        return records.stream().filter(record -> record.contains(text)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLoggerName() + " ");
        text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(parameter);
            }
        }
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            text.append(" | ").append(cause);
            for (Throwable suppressed : cause.getSuppressed()) {
                text.append(" | ").append(suppressed);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        records.add(text.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
