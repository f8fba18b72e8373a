"""Everything SQL: the encrypted connection, numbered migrations, typed reads and writes.
"""
