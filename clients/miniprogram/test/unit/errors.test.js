'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SERVER_ERRORS, CLIENT_ERRORS, errorMessage, isChinese, FlashsaleError } = require('../../index');
const { retryAfterMs } = require('../../lib/backoff');

/**
 * docs/error-codes.md is generated from the server's ErrorCode enum, and a server test fails when
 * the two differ. Comparing the package's table with it therefore catches drift from the enum.
 */
const ERROR_CODES_DOC = path.resolve(__dirname, '../../../../docs/error-codes.md');

function documentedCodes() {
  const rows = fs.readFileSync(ERROR_CODES_DOC, 'utf8').split('\n')
    .filter((line) => /^\| `[A-Z_]+` \|/.test(line));
  return rows.map((line) => {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return { code: cells[0].replace(/`/g, ''), status: Number(cells[1]), en: cells[2], zh: cells[3] };
  });
}

test('table matches docs/error-codes.md', () => {
  const documented = documentedCodes();

  assert.ok(documented.length >= 20, 'read ' + documented.length + ' codes from ' + ERROR_CODES_DOC);
  assert.deepEqual(Object.keys(SERVER_ERRORS).sort(), documented.map((row) => row.code).sort());
  for (const row of documented) {
    assert.deepEqual(SERVER_ERRORS[row.code], { status: row.status, en: row.en, zh: row.zh }, row.code);
  }
});

test('client codes do not collide with server codes', () => {
  for (const code of Object.keys(CLIENT_ERRORS)) {
    assert.equal(SERVER_ERRORS[code], undefined, code);
  }
});

test('errorMessage picks the language', () => {
  assert.equal(errorMessage('RATE_LIMITED', 'zh-CN'), '请求过于频繁，请按 Retry-After 指定的时间后重试。');
  assert.equal(errorMessage('RATE_LIMITED', 'zh-Hans'), '请求过于频繁，请按 Retry-After 指定的时间后重试。');
  assert.equal(errorMessage('RATE_LIMITED', 'en-US'), 'You are sending requests too fast; retry after the time in Retry-After.');
  assert.equal(errorMessage({ code: 'TIMEOUT' }, 'zh'), '请求超时，请重试。');
  assert.equal(errorMessage('INVALID_FIELD', 'en', 'quantity'), 'Invalid value for field quantity.');
});

test('errorMessage keeps an unknown code\'s own message', () => {
  const error = new FlashsaleError('NEW_CODE', 'Something new.', 400);

  assert.equal(errorMessage(error, 'zh-CN'), 'Something new.');
  assert.equal(errorMessage('NEW_CODE', 'en'), 'Internal error; retry later.');
});

test('isChinese reads language tags', () => {
  assert.equal(isChinese('zh-CN'), true);
  assert.equal(isChinese('zh_TW'), true);
  assert.equal(isChinese('zh'), true);
  assert.equal(isChinese('en'), false);
  assert.equal(isChinese('zu'), false);
  assert.equal(isChinese(undefined), false);
});

test('Retry-After reads seconds and dates', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');

  assert.equal(retryAfterMs({ 'retry-after': '3' }, now), 3000);
  assert.equal(retryAfterMs({ 'Retry-After': ['2'] }, now), 2000);
  assert.equal(retryAfterMs({ 'RETRY-AFTER': 'Fri, 04 Dec 2026 10:00:05 GMT' }, now), 5000);
  assert.equal(retryAfterMs({ 'Retry-After': 'soon' }, now), 0);
  assert.equal(retryAfterMs({}, now), 0);
  assert.equal(retryAfterMs(undefined, now), 0);
});
