'use strict';

const http = require('node:http');

const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

/**
 * A `wx.request`-shaped function over Node's HTTP client: `success` for every HTTP status with a
 * JSON-parsed body, `fail` with `request:fail timeout` after `timeout` ms or `request:fail ...`
 * on a network error, and a task whose `abort()` ends the request.
 */
function nodeRequest(options) {
  const body = options.data === undefined ? undefined : JSON.stringify(options.data);
  const headers = Object.assign({}, options.header);
  if (body !== undefined) {
    headers['Content-Length'] = Buffer.byteLength(body);
  }
  let finished = false;
  const finish = (callback) => {
    if (!finished) {
      finished = true;
      clearTimeout(timer);
      callback();
    }
  };

  const request = http.request(options.url, { method: options.method || 'GET', headers: headers, agent: agent },
    (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        finish(() => options.success({ statusCode: response.statusCode, data: parseJson(text), header: response.headers }));
      });
      response.on('error', (error) => finish(() => options.fail({ errMsg: 'request:fail ' + error.message })));
    });
  const timer = setTimeout(() => {
    finish(() => options.fail({ errMsg: 'request:fail timeout' }));
    request.destroy();
  }, options.timeout || 60000);
  request.on('error', (error) => finish(() => options.fail({ errMsg: 'request:fail ' + error.message })));
  request.end(body);

  return {
    abort() {
      finish(() => options.fail({ errMsg: 'request:fail abort' }));
      request.destroy();
    },
  };
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (ignored) {
    return text;
  }
}

module.exports = { nodeRequest };
