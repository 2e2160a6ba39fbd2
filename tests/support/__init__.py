"""What every test folder shares: factories and the fake platforms (HTTP servers on 127.0.0.1)."""
