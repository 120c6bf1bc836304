// __tests__/providers/android-sms-gateway/fixtures.ts — bodies shaped exactly as the app sends them.

// providers.md vector 1: the exact bytes, Cyrillic and emoji included.
export const receivedVector = {
  key: "Yk8mL2Qa",
  timestamp: 1719046000,
  body: '{"id":"Ey6ECgOkVVFjz3CL48B8C","webhookId":"LreFUt-Z3sSq0JufY9uWB","event":"sms:received","deviceId":"ffffffffceb0b1db0000018e937c815b","payload":{"messageId":"abc123","sender":"+16505551212","recipient":null,"simNumber":1,"phoneNumber":"+16505551212","message":"Android is always a sweet treat! Привет 👋","receivedAt":"2024-06-22T15:46:11.000+07:00"}}',
  signature: "20042cdec1604840c3d9b6449acc8d21f64134d33bdade5a0b725192f02fd509",
};

// providers.md vector 2.
export const pingVector = {
  key: "test-key",
  timestamp: 1700000000,
  body: '{"id":"x1","webhookId":"w1","event":"system:ping","deviceId":"d1","payload":{"health":{"status":"pass","checks":{}}}}',
  signature: "d17da05150da70a15b3ecb2224abe17dd745911c5e4d8938619fad68992bfc83",
};

const device = "ffffffffceb0b1db0000018e937c815b";

function envelope(id: string, event: string, payload: object): string {
  return JSON.stringify({ id, webhookId: "wh_1", event, deviceId: device, payload });
}

// Outbound payloads as Gson writes them: subclass fields first, nulls omitted.
export const bodies = {
  sent: envelope("sent_1", "sms:sent", {
    partsCount: 2,
    sentAt: "2024-06-22T08:46:11.000-05:00",
    messageId: "PyDmBQZZXYmyxMwED8Fzy",
    recipient: "+79990001122",
    phoneNumber: "+79990001122",
  }),
  delivered: envelope("delivered_1", "sms:delivered", {
    deliveredAt: "2024-06-22T13:46:11.000Z",
    messageId: "PyDmBQZZXYmyxMwED8Fzy",
    sender: "+15550001111",
    recipient: "+79990001122",
    simNumber: 2,
    phoneNumber: "+79990001122",
  }),
  failed: envelope("failed_1", "sms:failed", {
    failedAt: "2024-06-22T15:46:11.000+0200",
    reason: "RESULT_ERROR_NO_SERVICE",
    messageId: "PyDmBQZZXYmyxMwED8Fzy",
    recipient: "+79990001122",
    phoneNumber: "+79990001122",
  }),
  cancelled: envelope("cancelled_1", "sms:cancelled", {
    cancelledAt: "2024-06-22T15:46:11.000+02:00",
    messageId: "PyDmBQZZXYmyxMwED8Fzy",
    recipient: "+79990001122",
    phoneNumber: "+79990001122",
  }),
  dataReceived: envelope("data_1", "sms:data-received", {
    messageId: "9f1c",
    data: "SGVsbG8gZGF0YQ==",
    sender: "+15557654321",
    phoneNumber: "+15557654321",
    receivedAt: "2024-06-22T15:46:11.000+-5:00",
  }),
  // An older app (before v1.54.0): no sender/recipient, only phoneNumber; no simNumber.
  receivedLegacy: envelope("legacy_1", "sms:received", {
    messageId: "beef",
    message: "old app",
    phoneNumber: "+15557654321",
    receivedAt: "2024-06-22T15:46:11.000+0000",
  }),
  // A newer event this library does not model.
  mmsReceived: envelope("mms_1", "mms:received", {
    messageId: "m1",
    transactionId: "t1",
    size: 1024,
    sender: "+15557654321",
    phoneNumber: "+15557654321",
    receivedAt: "2024-06-22T15:46:11.000+07:00",
  }),
  // Before app v1.15.2: no id, no webhookId.
  noId: JSON.stringify({
    event: "sms:received",
    deviceId: device,
    payload: {
      messageId: "c0ffee",
      message: "no envelope id",
      phoneNumber: "+15557654321",
      receivedAt: "2024-06-22T15:46:11.000+07:00",
    },
  }),
};
