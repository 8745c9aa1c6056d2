"""The `secatalog` command: arguments -> settings -> read / build / desk, Korean messages, exit codes."""
