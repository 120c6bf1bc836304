// __tests__/providers/mifumo/fixtures.ts — the seed's payloads, byte for byte as the guide prints them.

export const sentBody = `{
  "event": "message.sent",
  "message_id": "msg_123456789",
  "recipients": ["+255123456789", "+255987654321"],
  "sender_id": "Taarifa-SMS",
  "content": "Hello from Mifumo SMS!",
  "sent_at": "2024-01-01T10:00:00Z",
  "cost": 10.0,
  "currency": "USD",
  "provider": "beem_africa",
  "timestamp": "2024-01-01T10:00:00Z"
}`;

export const deliveredBody = `{
  "event": "message.delivered",
  "message_id": "msg_123456789",
  "recipient": "+255123456789",
  "status": "delivered",
  "delivered_at": "2024-01-01T10:05:00Z",
  "provider_status": "DELIVRD",
  "error_message": null,
  "timestamp": "2024-01-01T10:05:00Z"
}`;

export const failedBody = `{
  "event": "message.failed",
  "message_id": "msg_123456789",
  "recipient": "+255123456789",
  "status": "failed",
  "failed_at": "2024-01-01T10:05:00Z",
  "error_code": "INVALID_NUMBER",
  "error_message": "Invalid phone number format",
  "timestamp": "2024-01-01T10:05:00Z"
}`;

// providers.md vector.
export const vector = {
  secret: "mifumo-test-secret",
  body: '{"event":"message.delivered","message_id":"msg_123456789","recipient":"+255123456789","status":"delivered","delivered_at":"2024-01-01T10:05:00Z"}',
  signature: "4f5b4198e4cbf4c5b937c09a5db27ac60df61cb1ab76e0e54ade1783547ad3bc",
};
