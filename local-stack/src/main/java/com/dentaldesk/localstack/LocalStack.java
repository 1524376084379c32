package com.dentaldesk.localstack;

import java.sql.*;
public final class LocalStack {
    public static void main(String[] args) throws Exception {
        try (LocalPostgres pg = LocalPostgres.start()) {
            pg.createDatabase("booking");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("booking"), "postgres", ""); Statement s = c.createStatement()) {
                s.execute("create extension btree_gist");
            }
            System.out.println("OK " + pg.jdbcUrl("booking"));
        }
    }
}
