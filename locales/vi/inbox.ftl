## Update inbox: the database is away for a moment (sent once per outage, straight through the Bot API)

inbox-busy = ⏳ Hệ thống đang bận trong giây lát. Tin nhắn của Anh/Chị không bị mất, Anh/Chị không cần gửi lại: chúng tôi sẽ trả lời ngay khi có thể.
