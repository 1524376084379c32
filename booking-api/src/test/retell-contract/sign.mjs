// Webhook signatures made and checked by Retell's own SDK code, for RetellSdkWebhookSignatureTest.
//   node sign.mjs sign <key>               body on stdin -> the x-retell-signature Retell would send
//   node sign.mjs verify <key> <signature> body on stdin -> "true" or "false", as Retell's SDK judges it
import { Retell } from 'retell-sdk';

const [mode, key, signature] = process.argv.slice(2);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const body = Buffer.concat(chunks).toString('utf8');

if (mode === 'sign') {
  process.stdout.write(await Retell.sign(body, key));
} else if (mode === 'verify') {
  process.stdout.write(String(await Retell.verify(body, key, signature)));
} else {
  console.error('usage: node sign.mjs sign <key> | verify <key> <signature> (body on stdin)');
  process.exit(2);
}
