'use strict';

/** Returns a deterministic generator of numbers in [0, 1) for `seed` (the mulberry32 generator). */
function seededRandom(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Returns the seed of a randomized test: `FLASHSALE_TEST_SEED` when set, so a failure can be
 * replayed, and a fresh one otherwise.
 */
function testSeed() {
  const fromEnvironment = process.env.FLASHSALE_TEST_SEED;
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    return Number(fromEnvironment) >>> 0;
  }
  return Math.floor(Math.random() * 0xffffffff) >>> 0;
}

/** Runs `body(seed)` and, when it throws, adds the seed and how to replay it to the error message. */
async function withSeed(seed, body) {
  try {
    return await body(seed);
  } catch (error) {
    error.message = '[seed ' + seed + '; replay with FLASHSALE_TEST_SEED=' + seed + '] ' + error.message;
    throw error;
  }
}

module.exports = { seededRandom, testSeed, withSeed };
