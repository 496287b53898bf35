-- placeholder table, replaced below
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY);
