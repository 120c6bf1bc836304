// __tests__/inspector/mask.test.ts — phone numbers, texts and URL queries hidden before anything is kept.

import { maskHint, maskNumbersIn, maskPhone, maskText } from "../../lib/inspector/mask.js";

describe("maskPhone", () => {
  it("keeps the + and the first two and last two digits, grouped from the end", () => {
    expect(maskPhone("+447700900089")).toBe("+44 •• •••• ••89");
    expect(maskPhone("447700900001")).toBe("44 •• •••• ••01");
    expect(maskPhone("+44 7700 900089")).toBe("+44 •• •••• ••89");
    expect(maskPhone("+1 (555) 010-0199")).toBe("+15 • •••• ••99");
  });

  it("keeps alphanumeric sender ids and short codes, which are no one's number", () => {
    expect(maskPhone("VONAGE")).toBe("VONAGE");
    expect(maskPhone("12345")).toBe("12345");
  });
});

describe("maskText", () => {
  it("says only how long a text is, in characters as a person counts them", () => {
    expect(maskText("Hello from the test")).toBe("[19 chars]");
    expect(maskText("👋")).toBe("[1 char]");
  });
});

describe("maskNumbersIn", () => {
  it("masks numbers inside ids built from them", () => {
    expect(maskNumbersIn("msg_1:message.delivered:255712345678")).toBe(
      "msg_1:message.delivered:25 •• •••• ••78",
    );
    expect(maskNumbersIn("concat:447700900001:447700900000:ab12:2")).toBe(
      "concat:44 •• •••• ••01:44 •• •••• ••00:ab12:2",
    );
  });

  it("keeps digits that are part of an id: SIDs, hex ids, UUIDs", () => {
    for (const id of [
      "SM1234567890abcdef1234567890abcdef",
      "0A00000012345678",
      "123e4567-e89b-12d3-a456-426614174000",
      "12345678-e89b-12d3-a456-426614174000",
    ]) {
      expect(maskNumbersIn(id)).toBe(id);
    }
  });
});

describe("maskHint", () => {
  it("hides the query of a URL it names (a GET webhook's sender and text are there)", () => {
    expect(
      maskHint(
        "It was checked against https://h.example/hooks/twilio/inbound?From=%2B447700900089&Body=hi. Set publicUrl.",
      ),
    ).toBe("It was checked against https://h.example/hooks/twilio/inbound?…. Set publicUrl.");
  });

  it("keeps the numbers a hint is made of", () => {
    const hint = "The signed time is 604 s behind this server's clock: check NTP.";
    expect(maskHint(hint)).toBe(hint);
  });
});
