## Update inbox: the database is away for a moment (sent once per outage, straight through the Bot API)

inbox-busy = ⏳ We are busy for a moment. Your message is not lost and there is no need to send it again: we will answer as soon as we can.
