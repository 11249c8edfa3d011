class BackupError(Exception):
    """A backup or restore that cannot go on; its message is shown to the operator as is."""
