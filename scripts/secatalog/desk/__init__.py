"""The secretariat's desk: confirmations against verified.yml, official lists, the pull-request
summary, who may change which file, and a new network's repository."""
