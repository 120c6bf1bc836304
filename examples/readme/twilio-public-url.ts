// examples/readme/twilio-public-url.ts — the README's Twilio "Behind a proxy or ngrok".

twilio({ secret, publicUrl: "https://abc123.ngrok.app" }); // + the request's path and query
twilio({ secret, publicUrl: "https://hooks.example.com/api" }); // a prefix your proxy strips
twilio({ secret, publicUrl: (req) => `https://${tenantHost(req)}${req.url}` }); // the whole URL
