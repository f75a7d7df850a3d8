// tesseract.js's own Node worker script, run with every way out to the network disabled in the
// worker thread (the main thread's stubs do not reach it). Used by the no-network OCR test.
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');

const deny = (what) => () => {
  throw new Error(`network access from the OCR worker: ${what}`);
};
globalThis.fetch = deny('fetch');
http.request = http.get = deny('http');
https.request = https.get = deny('https');
net.connect = net.createConnection = deny('net.connect');
net.Socket.prototype.connect = deny('socket.connect');
dns.lookup = deny('dns.lookup');

require('tesseract.js/src/worker-script/node/index.js');
